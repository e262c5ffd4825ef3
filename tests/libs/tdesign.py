"""tdesign-miniprogram: one page per component, written from the basic usage in TDesign's docs
(the `t-` tags; its minified ES modules, classes and nested miniprogram_npm run as shipped)."""

from __future__ import annotations

from tests.libs.fonts import remap_by_glyph_name
from tests.libs.spec import Interaction, Library, ResourceFile, Usage


def _u(name: str, comps: str, wxml: str, data: dict | None = None,
       interaction: Interaction | None = None, js: str = "") -> Usage:
    """`comps`: space-separated component folders; the tag is `t-<folder>`."""
    tags = {"t-" + c: f"{c}/{c}" for c in comps.split()}
    return Usage(name, tags, wxml, data or {}, interaction, js)


def _bare(name: str, wxml: str = "", data: dict | None = None) -> Usage:
    """A component shown with its defaults (or the given markup)."""
    return _u(name, name, wxml or f"<t-{name} />", data)


IMG = "https://tdesign.gtimg.com/mobile/demos/example1.png"
OPTIONS = [{"label": "北京市", "value": "110000", "children": [{"label": "东城区", "value": "110101"}]},
           {"label": "天津市", "value": "120000", "children": [{"label": "和平区", "value": "120101"}]}]

COMMON = (
    _u("button", "button", """
<t-button id="primary" theme="primary" bind:tap="onEvent">填充按钮</t-button>
<t-button theme="light">浅色按钮</t-button>
<t-button theme="primary" variant="outline">描边按钮</t-button>
<t-button theme="danger" block size="large">危险按钮</t-button>
<t-button theme="primary" loading>加载中</t-button>
<t-button icon="app" theme="primary" shape="square" />""",
       interaction=Interaction("#primary", "tap", describe="tap → tap")),
    _u("cell", "cell cell-group", """
<t-cell-group title="分组">
  <t-cell title="单行标题" />
  <t-cell id="link" title="可点击" arrow hover bind:click="onEvent" />
  <t-cell title="单行标题" description="一段很长很长的内容文字" note="辅助信息" />
  <t-cell title="带图标" left-icon="lock-on" />
</t-cell-group>""", interaction=Interaction("#link", "click", describe="tap → click")),
    _u("input", "input", """
<t-input id="name" label="标签文字" placeholder="请输入文字" value="{{ value }}" bind:change="onEvent" />
<t-input label="必填" placeholder="请输入" status="error" tips="错误提示" clearable />""", {"value": ""},
       Interaction("#name >>> input", "change", action="input", text="tdesign",
                   check=lambda d: d.get("value") == "tdesign", describe="input → change({value})")),
    _u("icon", "icon", """
<t-icon id="app" name="app" size="48rpx" bind:click="onEvent" />
<t-icon name="add-circle" color="#0052d9" />
<t-icon name="{{ img }}" />""", {"img": IMG},
       interaction=Interaction("#app", "click", describe="tap → click")),
    _u("popup", "popup", """
<t-popup id="popup" visible="{{ visible }}" placement="bottom" bind:visible-change="onEvent">
  <view style="height: 240px;">内容</view>
</t-popup>""", {"visible": True},
       Interaction("#popup >>> t-overlay >>> .t-overlay", "visible-change",
                   check=lambda d: d.get("visible") is False and d.get("trigger") == "overlay",
                   describe="tap the overlay → visible-change({visible: false, trigger: 'overlay'})")),
    _u("dialog", "dialog", """
<t-dialog id="dialog" visible="{{ true }}" title="对话框标题" content="告知当前状态、信息和解决方法"
  confirm-btn="确定" cancel-btn="取消" bind:confirm="onEvent" bind:cancel="onEvent" />""",
       interaction=Interaction("#dialog >>> .t-dialog__button@1", "confirm",
                               describe="tap confirm → confirm")),
    _u("tabs", "tabs tab-panel", """
<t-tabs id="tabs" value="0" bind:change="onEvent">
  <t-tab-panel label="标签页一" value="0">内容一</t-tab-panel>
  <t-tab-panel label="标签页二" value="1">内容二</t-tab-panel>
  <t-tab-panel label="标签页三" value="2">内容三</t-tab-panel>
</t-tabs>""", interaction=Interaction("#tabs >>> .t-tabs__item@1", "change",
                                       check=lambda d: str(d.get("value")) == "1" and d.get("label") == "标签页二",
                                       describe="tap 2nd tab → change({value: '1', label})")),
    _u("checkbox", "checkbox checkbox-group", """
<t-checkbox id="cb" label="多选" bind:change="onEvent" />
<t-checkbox-group value="{{ ['a'] }}" options="{{ options }}" />""",
       {"options": [{"label": "选项 a", "value": "a"}, {"label": "选项 b", "value": "b"}]},
       Interaction("#cb", "change", check=lambda d: d.get("checked") is True,
                   describe="tap → change({checked: true})")),
    _u("radio", "radio radio-group", """
<t-radio-group value="0" bind:change="onEvent">
  <t-radio value="0" label="单选" />
  <t-radio id="r2" value="1" label="单选" />
</t-radio-group>""", interaction=Interaction("#r2", "change", check=lambda d: str(d.get("value")) == "1",
                                              describe="tap 2nd → change({value: '1'})")),
    _u("switch", "switch", """
<t-switch id="sw" bind:change="onEvent" />
<t-switch default-value="{{ true }}" label="{{ ['开', '关'] }}" />
<t-switch value="{{ true }}" disabled />""",
       interaction=Interaction("#sw", "change", check=lambda d: d.get("value") is True,
                               describe="tap → change({value: true})")),
)

OTHERS = (
    _u("action-sheet", "action-sheet", '<t-action-sheet visible="{{ true }}" items="{{ items }}" />',
       {"items": [{"label": "选项一"}, {"label": "选项二"}]}),
    _bare("attachments", '<t-attachments items="{{ [] }}" />'),
    _bare("avatar", '<t-avatar image="%s" />\n<t-avatar>A</t-avatar>' % IMG),
    _u("avatar-group", "avatar-group avatar",
       '<t-avatar-group><t-avatar image="%s" /><t-avatar>B</t-avatar></t-avatar-group>' % IMG),
    _bare("back-top", '<t-back-top text="顶部" />'),
    _u("badge", "badge button", '<t-badge count="8"><t-button>按钮</t-button></t-badge>\n<t-badge dot content="消息" />'),
    _bare("calendar", '<t-calendar visible="{{ true }}" use-popup="{{ false }}" />'),
    _bare("cascader", '<t-cascader visible="{{ true }}" options="{{ options }}" title="选择地址" />', {"options": OPTIONS}),
    _bare("check-tag", '<t-check-tag default-checked content="{{ [\'已选中\', \'未选中\'] }}" />'),
    _u("layout", "row col", '<t-row><t-col span="8">col-8</t-col><t-col span="8">col-8</t-col><t-col span="8">col-8</t-col></t-row>'),
    _u("collapse", "collapse collapse-panel", """
<t-collapse value="{{ [0] }}">
  <t-collapse-panel header="折叠面板标题" value="{{ 0 }}">此处可自定义内容</t-collapse-panel>
  <t-collapse-panel header="折叠面板标题" value="{{ 1 }}">此处可自定义内容</t-collapse-panel>
</t-collapse>"""),
    _bare("color-picker", '<t-color-picker type="base" />'),
    _u("config-provider", "config-provider button", '<t-config-provider><t-button theme="primary">按钮</t-button></t-config-provider>'),
    _bare("count-down", '<t-count-down time="{{ 96 * 60 * 1000 }}" />'),
    _bare("date-time-picker", '<t-date-time-picker visible="{{ true }}" mode="date" value="2021-12-23" />'),
    _bare("divider", '<t-divider />\n<t-divider content="文字信息" />'),
    _bare("drawer", '<t-drawer visible="{{ true }}" items="{{ items }}" />', {"items": [{"title": "菜单一"}, {"title": "菜单二"}]}),
    _u("dropdown-menu", "dropdown-menu dropdown-item", """
<t-dropdown-menu>
  <t-dropdown-item label="菜单" options="{{ options }}" value="all" />
</t-dropdown-menu>""", {"options": [{"value": "all", "label": "全部产品"}, {"value": "new", "label": "最新产品"}]}),
    _bare("empty", '<t-empty icon="info-circle-filled" description="描述文字" />'),
    _bare("fab", '<t-fab icon="add" />'),
    _bare("footer", '<t-footer text="Copyright © 2019-2023 TDesign.All Rights Reserved." />'),
    _u("form", "form form-item input", """
<t-form data="{{ formData }}"><t-form-item label="用户名" name="name"><t-input placeholder="请输入" /></t-form-item></t-form>""",
       {"formData": {"name": ""}}),
    _u("grid", "grid grid-item", """
<t-grid column="{{ 3 }}">
  <t-grid-item text="标题文字" image="%s" />
  <t-grid-item text="标题文字" icon="app" />
  <t-grid-item text="标题文字" icon="app" />
</t-grid>""" % IMG),
    _bare("guide", '<t-guide current="{{ -1 }}" steps="{{ [] }}" />'),
    _bare("image", '<t-image src="%s" width="72" height="72" />' % IMG),
    _bare("image-viewer", '<t-image-viewer visible="{{ true }}" images="{{ images }}" />', {"images": [IMG]}),
    _u("indexes", "indexes indexes-anchor cell", """
<t-indexes index-list="{{ ['A', 'B'] }}">
  <t-indexes-anchor index="A" /><t-cell title="阿坝" />
  <t-indexes-anchor index="B" /><t-cell title="北京" />
</t-indexes>"""),
    _bare("link", '<t-link content="跳转链接" theme="primary" />'),
    _bare("loading", '<t-loading theme="circular" size="40rpx" text="加载中" />'),
    _u("message", "message", '<t-message id="t-message" />'),
    _bare("navbar", '<t-navbar title="标题" left-arrow />'),
    _bare("notice-bar", '<t-notice-bar visible="{{ true }}" content="提示文字描述提示文字描述" />'),
    _bare("overlay", '<t-overlay visible="{{ true }}" />'),
    _u("picker", "picker picker-item", """
<t-picker visible="{{ true }}" title="选择城市" value="{{ ['gz'] }}">
  <t-picker-item options="{{ cities }}" />
</t-picker>""", {"cities": [{"label": "广州市", "value": "gz"}, {"label": "深圳市", "value": "sz"}]}),
    _bare("popover", '<t-popover content="弹出气泡内容" visible="{{ true }}"><view>按钮</view></t-popover>'),
    _bare("progress", '<t-progress percentage="80" />'),
    _bare("pull-down-refresh", '<t-pull-down-refresh value="{{ false }}"><view>内容</view></t-pull-down-refresh>'),
    _bare("qrcode", '<t-qrcode value="https://tdesign.tencent.com" />'),
    _bare("rate", '<t-rate value="{{ 3 }}" />'),
    _bare("result", '<t-result theme="success" title="成功状态" description="描述文字" />'),
    _bare("scroll-view", '<t-scroll-view scroll-y style="height: 100px;"><view>内容</view></t-scroll-view>'),
    _bare("search", '<t-search placeholder="搜索预设文案" />'),
    _bare("segmented", '<t-segmented options="{{ [\'选项一\', \'选项二\'] }}" value="选项一" />'),
    _u("side-bar", "side-bar side-bar-item", """
<t-side-bar value="{{ 0 }}"><t-side-bar-item value="{{ 0 }}" label="选项一" /><t-side-bar-item value="{{ 1 }}" label="选项二" /></t-side-bar>"""),
    _bare("skeleton", '<t-skeleton row-col="{{ [1, 1] }}" loading />'),
    _bare("slider", '<t-slider default-value="{{ 23 }}" />'),
    _u("steps", "steps step-item", """
<t-steps current="{{ 1 }}"><t-step-item title="步骤描述" /><t-step-item title="步骤描述" /></t-steps>"""),
    _bare("stepper", '<t-stepper default-value="{{ 3 }}" theme="filled" />'),
    _bare("sticky", '<t-sticky><view>吸顶内容</view></t-sticky>'),
    _bare("swipe-cell", """
<t-swipe-cell right="{{ right }}"><view>左滑操作</view></t-swipe-cell>""", {"right": [{"text": "删除", "className": "btn delete-btn"}]}),
    _bare("swiper", '<t-swiper list="{{ list }}" navigation="{{ { type: \'dots\' } }}" />', {"list": [IMG, IMG]}),
    _u("tab-bar", "tab-bar tab-bar-item", """
<t-tab-bar value="home"><t-tab-bar-item value="home" icon="home">首页</t-tab-bar-item><t-tab-bar-item value="me" icon="user">我的</t-tab-bar-item></t-tab-bar>"""),
    _bare("table", '<t-table row-key="index" columns="{{ columns }}" data="{{ rows }}" />',
          {"columns": [{"colKey": "a", "title": "标题"}], "rows": [{"index": 1, "a": "内容"}]}),
    _bare("tag", '<t-tag theme="primary">标签文字</t-tag>\n<t-tag variant="outline" closable>标签</t-tag>'),
    _bare("text", '<t-text content="文本内容" />'),
    _bare("textarea", '<t-textarea label="标签文字" placeholder="请输入文字" />'),
    _bare("toast", '<t-toast id="t-toast" />'),
    _bare("transition", '<t-transition visible="{{ true }}"><view>内容</view></t-transition>'),
    _bare("tree-select", '<t-tree-select options="{{ options }}" value="{{ [\'110000\', \'110101\'] }}" />', {"options": OPTIONS}),
    _bare("upload", '<t-upload files="{{ files }}" />', {"files": [{"url": IMG, "name": "image"}]}),
    _bare("watermark", '<t-watermark content="TDesign"><view style="height: 100px;">内容</view></t-watermark>'),
    _bare("chat-loading", '<t-chat-loading animation="dots" />'),
    _bare("chat-thinking", '<t-chat-thinking content="思考中" status="pending" />'),
    _bare("chat-content", '<t-chat-content content="{{ content }}" />', {"content": {"type": "text", "data": "你好"}}),
    _bare("chat-message", '<t-chat-message role="user" content="{{ [{ type: \'text\', data: \'你好\' }] }}" />'),
    _bare("chat-sender", '<t-chat-sender placeholder="请输入消息" />'),
    _bare("chat-actionbar", '<t-chat-actionbar />'),
    _bare("chat-list", '<t-chat-list><view>消息</view></t-chat-list>'),
    _bare("chat-markdown", '<t-chat-markdown content="**加粗** 文本" />'),
    _bare("chat-record", '<t-chat-record />'),
    _bare("paragraph", '<t-paragraph content="段落文字" />'),
    _bare("title", '<t-title content="标题" />'),
    _bare("swiper-nav", '<t-swiper-nav current="{{ 0 }}" total="{{ 3 }}" type="dots" />'),
)

USAGES = COMMON + OTHERS

# Diagnostics wxsim gives for WXSS and built-ins it does not render yet (each named with
# file:line by wxsim); the reason says what the page loses.
GAPS = (
    ("'transform'", "translateY(.5) has no unit, invalid CSS dropped as in a browser"),
    ("transform", "backface-visibility has no effect without 3D transforms"),
    ("'-webkit-", "vendor-prefixed property with no visual effect in a render"),
    ("'cursor'", "no visual effect on a phone"),
    ("'user-select'", "no visual effect in a render"),
    ("'pointer-events'", "hit testing ignores pointer-events"),
    ("@font-face", "tdesign-icons-web-components or fontTools (the offline copy of the icon font) is missing "
                    "and tdesign.gtimg.com could not be reached: t-icon glyphs are not drawn"),
    ("'background-", "url() images, layered gradients and background size, position and clip are not painted"),
    ("'display': table", "table layout is not implemented"),
    ("'word-wrap'", "legacy alias of overflow-wrap"),
    ("'outline'", "outlines are not painted"),
    ("'::-webkit", "vendor pseudo-elements have no effect in a render"),
    ("'resize'", "no visual effect in a render"),
    ("'will-change'", "no visual effect in a render"),
    ("'backface-visibility'", "no visual effect without 3D transforms"),
    ("'clip", "clipping paths are not applied"),
    ("'letter-spacing'", "letter-spacing is not implemented"),
    ("fit-content", "fit-content widths are not implemented"),
    ("max-content", "max-content widths are not implemented"),
    ("pseudo-class ':focus'", "focus styles are not shown"),
    ("Setting data field", "WeChat gives the same warning: the component sets a field to undefined"),
    ("refers to an undefined custom property", "a theme variable TDesign leaves undefined; the property "
     "is unset as in a browser"),
    ("(inline style)", "a template writes an empty or unit-only value before a layout query answers; "
     "dropped as in a browser"),
    ("'display': grid", "grid layout is not implemented (calendar, grid)"),
    ("'grid-", "grid layout is not implemented"),
    ("'justify-self'", "grid layout is not implemented"),
    ("'justify-items'", "grid layout is not implemented"),
    ("'display': list-item", "list items render as blocks without markers"),
    ("'list-style", "list markers are not drawn"),
    ("'display': \"\"", "the library writes an invalid display value; dropped as in a browser"),
    ("duplicate attribute", "the library's template repeats an attribute; WeChat keeps one as well"),
    ("unknown directive wx:item", "drawer's template writes wx:item, which WeChat ignores too"),
    ("unknown tag <span>", "markdown output uses span; rendered as a generic inline container"),
    ("unknown tag <tail-component>", "a generic: placeholder with no default; rendered as a container"),
    ("'touch-action'", "no visual effect in a render"),
    ("'text-align-last'", "text-align-last is not implemented"),
    ("'table-layout'", "table layout is not implemented"),
    ("'border-collapse'", "table layout is not implemented"),
    ("'scrollbar-width'", "scrollbars are never drawn"),
    ("'-ms-", "vendor-prefixed property with no visual effect"),
    ("'-moz-", "vendor-prefixed property with no visual effect"),
    ("-inline-", "logical (inline/block) properties are not implemented"),
    ("-block-", "logical (inline/block) properties are not implemented"),
    ("'overflow-wrap'", "long words break anyway"),
    ("'font-variant'", "no visible effect on the fonts used"),
    ("'contain'", "no visual effect in a render"),
    ("'caret-color'", "the caret is not drawn in a render"),
)

KNOWN_FAILURES: tuple = ()  # every component renders and every interaction passes

# TDesign 1.16.0 loads its icon font (icon set 0.4.3) from tdesign.gtimg.com. The same icons, by
# name, are in tdesign-icons-web-components' bundled font (a later build, numbered differently):
# renumbered after icon/icon.wxss, icons draw offline.
ICON_FONT = ResourceFile(
    "https://tdesign.gtimg.com/icon/0.4.3/fonts/t.*", "tdesign-icons-web-components", "0.3.9",
    "esm/iconfont/t.woff", "mock/t-icons.ttf",
    build=lambda data, lib_dir: remap_by_glyph_name(data, lib_dir / "icon" / "icon.wxss", ".t-icon-"),
    offline_warning="@font-face")

TDESIGN = Library("tdesign-miniprogram", "1.16.0", "tdesign-miniprogram", USAGES, known_warnings=GAPS,
                  known_failures=KNOWN_FAILURES, resources=(ICON_FONT,))
