"""weui-miniprogram: one page per component, written from the basic usage in WeUI's docs
(the `mp-` tags, with weui.wxss imported in app.wxss as the docs ask)."""

from __future__ import annotations

from tests.libs.spec import Interaction, Library, Usage


def _u(name: str, comps: str, wxml: str, data: dict | None = None,
       interaction: Interaction | None = None, js: str = "") -> Usage:
    """`comps`: space-separated component folders; the tag is `mp-<folder>`."""
    tags = {"mp-" + c: f"{c}/{c}" for c in comps.split()}
    return Usage(name, tags, wxml, data or {}, interaction, js)


BUTTONS = [{"text": "取消"}, {"text": "确定"}]
ACTIONS = [{"text": "示例菜单", "value": 1}, {"text": "示例菜单", "value": 2},
           {"text": "负向菜单", "type": "warn", "value": 3}]
TABS = [{"text": "微信", "iconPath": "", "selectedIconPath": "", "badge": "New"},
        {"text": "通讯录", "iconPath": "", "selectedIconPath": ""},
        {"text": "发现", "iconPath": "", "selectedIconPath": "", "dot": True},
        {"text": "我", "iconPath": "", "selectedIconPath": ""}]
SLIDE = [{"text": "普通"}, {"type": "warn", "text": "警示", "data": "warn"}]
PNG = "https://res.wx.qq.com/wxdoc/dist/assets/img/0.4cb08bb4.jpg"

USAGES = (
    _u("cells", "cells cell", """
<mp-cells title="带说明的列表项" footer="底部说明文字">
  <mp-cell value="标题文字" footer="说明文字"></mp-cell>
  <mp-cell id="link" link hover value="有链接" bindtap="onEvent"></mp-cell>
  <mp-cell title="标题" value="内容" footer="尾部"></mp-cell>
</mp-cells>""", interaction=Interaction("#link", "tap", describe="tap a cell → tap on the host")),
    _u("dialog", "dialog", """
<mp-dialog id="dialog" title="弹窗标题" show="{{ show }}" buttons="{{ buttons }}"
  bindbuttontap="onEvent" bindclose="onEvent">
  <view>弹窗内容，告知当前状态、信息和解决方法</view>
</mp-dialog>""", {"show": True, "buttons": BUTTONS},
       Interaction("#dialog >>> .weui-dialog__btn@1", "buttontap",
                   check=lambda d: d.get("index") == 1 and d.get("item", {}).get("text") == "确定",
                   describe="tap 2nd button → buttontap({index: 1, item})")),
    _u("half-screen-dialog", "half-screen-dialog", """
<mp-half-screen-dialog id="hs" show="{{ show }}" title="标题" subTitle="辅助描述" desc="辅助描述内容"
  tips="辅助提示内容" buttons="{{ buttons }}" bindbuttontap="onEvent" bindclose="onEvent" />""",
       {"show": True, "buttons": [{"type": "default", "className": "", "text": "辅助操作", "value": 0},
                                   {"type": "primary", "className": "", "text": "主操作", "value": 1}]},
       Interaction("#hs >>> .weui-btn@1", "buttontap", check=lambda d: d.get("index") == 1,
                   describe="tap the main button → buttontap({index: 1, item})")),
    _u("searchbar", "searchbar", """
<mp-searchbar id="sb" placeholder="搜索" bindinput="onEvent" value="{{ value }}" />""", {"value": ""},
       Interaction("#sb >>> input", "input", action="input", text="weui",
                   check=lambda d: d.get("value") == "weui", describe="type → input({value})")),
    _u("slideview", "slideview cells cell", """
<mp-cells>
  <mp-slideview id="sv" buttons="{{ buttons }}" bindbuttontap="onEvent" show="{{ true }}">
    <mp-cell value="左滑可以删除" footer="说明文字"></mp-cell>
  </mp-slideview>
</mp-cells>""", {"buttons": SLIDE},
       Interaction("#sv >>> .weui-slideview__btn@1", "buttontap",
                   check=lambda d: d.get("index") == 1 and d.get("data") == "warn",
                   describe="tap the 2nd revealed button → buttontap({index: 1, data})")),
    _u("tabbar", "tabbar", """
<mp-tabbar id="tb" style="position:fixed;bottom:0;width:100%;left:0;right:0;" list="{{ list }}"
  current="{{ 0 }}" bindchange="onEvent" />""", {"list": TABS},
       Interaction("#tb >>> .weui-tabbar__item@1", "change",
                   check=lambda d: d.get("index") == 1 and d.get("item", {}).get("text") == "通讯录",
                   describe="tap 2nd tab → change({index: 1, item})")),
    _u("icon", "icon", """
<mp-icon id="ic" icon="add" color="black" size="{{ 25 }}" bindtap="onEvent"></mp-icon>
<mp-icon type="field" icon="add" color="#07c160" size="{{ 25 }}"></mp-icon>
<mp-icon icon="search" size="{{ 30 }}"></mp-icon>""",
       interaction=Interaction("#ic", "tap", describe="tap the icon → tap on the host")),
    _u("loading", "loading", """
<mp-loading type="circle" tips="加载中"></mp-loading>
<mp-loading type="dot-gray" show="{{ true }}" animated="{{ true }}"></mp-loading>
<mp-loading type="dot-white" ext-class="demo0"></mp-loading>"""),
    _u("actionsheet", "actionsheet", """
<mp-actionsheet id="as" show="{{ show }}" actions="{{ actions }}" title="这是一个标题，可以为一行或者两行。"
  bindactiontap="onEvent" bindclose="onEvent" />""", {"show": True, "actions": ACTIONS},
       Interaction("#as >>> .weui-actionsheet__cell@1", "actiontap",
                   check=lambda d: d.get("value") == 2 and d.get("index") == 1,
                   describe="tap 2nd action → actiontap({value: 2, index: 1})")),
    _u("checkbox-group", "checkbox-group checkbox cells", """
<mp-cells title="复选列表项">
  <mp-checkbox-group id="cg" prop="checkbox" multi="{{ true }}" bindchange="onEvent">
    <mp-checkbox label="cell standard" value="0" checked="{{ true }}"></mp-checkbox>
    <mp-checkbox id="c1" label="cell standard" value="1"></mp-checkbox>
  </mp-checkbox-group>
</mp-cells>""", interaction=Interaction("#c1 >>> label", "change",
                                         check=lambda d: sorted(d.get("value") or []) == ["0", "1"],
                                         describe="tap 2nd box → change({value: ['0', '1']})")),
    _u("badge", "badge cells cell", """
<mp-badge content="8" />
<mp-badge content="New" style="margin-left: 10px;" />
<mp-cells><mp-cell value="单行列表"><mp-badge content="8" ext-class="blue" slot="footer" /></mp-cell></mp-cells>"""),
    _u("form", "form cells cell", """
<mp-form id="form" rules="{{ rules }}" models="{{ formData }}">
  <mp-cells title="单选列表项">
    <mp-cell show-error prop="name" title="姓名" ext-class="">
      <input data-field="name" class="weui-input" placeholder="请输入姓名" />
    </mp-cell>
  </mp-cells>
</mp-form>""", {"formData": {}, "rules": [{"name": "name", "rules": {"required": True, "message": "必填"}}]}),
    _u("form-page", "form-page cells cell", """
<mp-form-page title="表单结构" subtitle="展示表单页面的信息结构样式">
  <mp-cells title="分组"><mp-cell title="标题" value="内容"></mp-cell></mp-cells>
  <view slot="button"><button class="weui-btn" type="primary">确定</button></view>
</mp-form-page>"""),
    _u("gallery", "gallery", """
<mp-gallery show="{{ true }}" img-urls="{{ urls }}" hide-on-click="{{ true }}" current="{{ 0 }}" />""",
       {"urls": [PNG, PNG]}),
    _u("grids", "grids", '<mp-grids grids="{{ grids }}" />',
       {"grids": [{"imgUrl": PNG, "text": "Grid"}, {"imgUrl": PNG, "text": "Grid"},
                  {"imgUrl": PNG, "text": "Grid"}]}),
    _u("msg", "msg", """
<mp-msg type="success" title="操作成功" desc="内容详情，可根据实际需要安排">
  <view slot="handle"><button class="weui-btn" type="primary">主要操作</button></view>
</mp-msg>"""),
    _u("navigation-bar", "navigation-bar", """
<mp-navigation-bar title="标题" back="{{ true }}" background="#fff" color="#000" loading="{{ false }}" />"""),
    _u("toptips", "toptips", '<mp-toptips msg="错误提示" type="error" show="{{ true }}" delay="{{ 100000 }}" />'),
    _u("uploader", "uploader", """
<mp-uploader files="{{ files }}" max-count="{{ 5 }}" title="图片上传" tips="图片上传提示" />""",
       {"files": [{"url": PNG}]}),
)

# Diagnostics wxsim gives for WXSS and built-ins it does not render yet (each named with
# file:line by wxsim); the reason says what the page loses.
GAPS = (
    ("transform", "a template writes 'transform undefineds' into a transition, dropped as in a browser; "
                  "backface-visibility has no effect without 3D"),
    ("transition", "transitions are not animated; the end state is shown"),
    ("'-webkit-", "vendor-prefixed property with no visual effect in a render"),
    ("'-moz-", "vendor-prefixed property with no visual effect in a render"),
    ("'cursor'", "no visual effect on a phone"),
    ("'user-select'", "no visual effect in a render"),
    ("'pointer-events'", "hit testing ignores pointer-events"),
    ("@media", "@media rules are skipped"),
    ("@supports", "@supports rules are skipped"),
    ("'background-", "background images and gradients are not painted"),
    ("'mask", "CSS masks (WeUI's icon glyphs) are not painted"),
    ("pseudo-class ':checked'", ":checked is not implemented (the radio list's check mark)"),
    ("pseudo-class ':disabled'", ":disabled is not implemented"),
    ("'hyphens'", "hyphenation is not implemented"),
    ("'list-style", "list markers are not drawn"),
    ("'display': list-item", "list items render as blocks without markers"),
    ("'backface-visibility'", "no visual effect without 3D transforms"),
    ("'caret-color'", "the caret is not drawn in a render"),
    ("pseudo-class ':placeholder-shown'", ":placeholder-shown is not implemented (search bar mask)"),
    ("'display': -webkit-inline-", "legacy -webkit fallbacks; the standard display that follows is used"),
    ("pseudo-class ':visited'", "links are never visited in a mini program"),
    ("'display': -webkit-flex", "legacy -webkit-flex fallbacks; the standard display that follows is used"),
    ("invalid value for 'padding-top': px (inline", "navigation-bar writes its status-bar padding before "
     "wx.getSystemInfo answers; the empty value is dropped as in a browser"),
    ("'word-wrap'", "legacy alias of overflow-wrap"),
    ("'outline'", "outlines are not painted"),
    ("'appearance'", "no visual effect in a render"),
    ("':focus'", "focus styles are not shown"),
    ("'::-webkit", "vendor pseudo-elements have no effect in a render"),
    ("'resize'", "no visual effect in a render"),
)

KNOWN_FAILURES: tuple[tuple[str, str], ...] = ()

WEUI = Library("weui-miniprogram", "1.5.6", "weui-miniprogram", USAGES, known_warnings=GAPS,
               known_failures=KNOWN_FAILURES,
               app_wxss='@import "miniprogram_npm/weui-miniprogram/weui-wxss/dist/style/weui.wxss";\n')
