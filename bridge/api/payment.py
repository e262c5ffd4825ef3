"""wx.requestPayment: the WeChat Pay sheet, simulated (no payment happens).

The sheet (`UiState.payment`) waits for the window or a script: `ui.answer_payment("success")`
→ `requestPayment:ok`, `("cancel")` → `requestPayment:fail cancel`, `("fail", "detail")` →
`requestPayment:fail detail`. Its amount and merchant come from the package string when it
carries them (`total_fee` in fen or `amount` in yuan, `body` or `merchant`), else from
`payment` of the simulated world.
https://developers.weixin.qq.com/miniprogram/dev/api/payment/wx.requestPayment.html
"""

from __future__ import annotations

from urllib.parse import parse_qs

from bridge.api.registry import Call, api, param_error
from bridge.api.ui import PaymentSheet

DOC = "https://developers.weixin.qq.com/miniprogram/dev/api/payment/wx.requestPayment.html"
REQUIRED = ("timeStamp", "nonceStr", "package", "paySign")


def sheet_text(package: str, default: dict) -> tuple[str, str]:
    """(merchant, amount in yuan) for the sheet."""
    fields = {k: v[0] for k, v in parse_qs(package, keep_blank_values=True).items() if v}
    amount = str(default.get("amount", "0.01"))
    if fields.get("total_fee", "").isdigit():
        amount = f"{int(fields['total_fee']) / 100:.2f}"
    elif fields.get("amount"):
        amount = fields["amount"]
    merchant = fields.get("merchant") or fields.get("body") or str(default.get("merchant", ""))
    return merchant, amount


@api("requestPayment", source="simulated", doc=DOC)
def request_payment(call: Call) -> dict | None:
    """Checks the required strings (and signType, default MD5, when given); then the sheet waits."""
    for field in REQUIRED:
        err = param_error(call, field, "String")
        if err:
            return err
    if "signType" in call.args:
        err = param_error(call, "signType", "String")
        if err:
            return err
    merchant, amount = sheet_text(call.args["package"], call.apis.world.get("payment"))
    call.ctx.ui.open_payment(PaymentSheet(merchant, amount, call))
    return None
