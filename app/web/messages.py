"""Every refusal a console or workbench page shows, in 简体中文, from the API's error code: the one place that maps
codes (and the validation details' pydantic messages) to Chinese.

The services speak English to API clients (`{"error": {"code", "message", "details"}}`); a marketer's page must
not. `zh_message(exc)` picks the text by `exc.code`: an entry is either a fixed sentence or a list of
(pattern, template) pairs tried against the English message, whose named groups fill the template's
placeholders (numbers, states, field names stay exact); the last pair of a list is usually the code's general
sentence. A validation detail (`{"field", "message"}`) is translated by `zh_detail`: pydantic's own messages
(their wording is fixed by pydantic: "Input should be greater than or equal to 1" -> "不能小于 1") and the
services' own cross-field checks (`VALUE_ERRORS`). Anything unknown falls back to the API's message, so a new
code still says something; `tests/test_web_messages.py` holds every code raised under app/ and handlers/ to an
entry here, so the fallback is for codes added later.
"""

from __future__ import annotations

import re
from typing import Any

from app.errors import ApiError

Entry = str | list[tuple[str, str]]

# English state words inside messages ("the lottery is closed") -> Chinese, for {state}-style placeholders
WORDS = {"draft": "草稿", "published": "进行中", "closed": "已结束", "scheduled": "已排期", "publishing": "发布中",
         "failed": "失败", "cancelled": "已取消", "pending": "待处理", "approved": "已批准", "rejected": "已驳回",
         "ordered": "待发货", "shipped": "已发货", "delivered": "已签收", "issued": "已发放", "booked": "已预约",
         "completed": "已完成", "pending_payment": "待支付", "expired": "已过期", "refunded": "已退款",
         "won": "待发货", "gift": "实物", "coupon": "优惠券", "service": "服务", "virtual": "虚拟卡密",
         "points": "积分", "amount_off": "满减", "percent_off": "折扣", "fixed validity": "固定截止日",
         "validity days": "领取后 N 天", "valid_from": "生效时间", "starts_at": "开始时间",
         "wheel": "大转盘", "nine_grid": "九宫格", "scratch": "刮刮卡", "once": "单次",
         "weekly": "每周", "monthly": "每月", "yearly": "每年", "days": "按天数"}
# SOP task kinds (the console's labels; "required for tagging" -> 选择打标签时必填)
SOP_KIND_ZH = {"learning": "学习", "invitation": "邀约", "mass_message": "群发", "community": "社群",
               "tagging": "打标签"}
WORDS |= SOP_KIND_ZH

# form fields as the pages label them (used when a message names a field, or a detail has no input of its own)
FIELD_ZH = {"name": "名称", "code": "代码", "event": "事件", "events": "事件", "points": "积分", "kind": "类型",
            "points_fixed": "固定积分", "points_per_yuan": "每元积分", "daily_count_cap": "每日次数上限",
            "daily_points_cap": "每日积分上限", "total_points_cap": "总积分上限", "streak_bonuses": "连续签到奖励",
            "validity_days": "有效天数", "starts_at": "开始时间", "ends_at": "结束时间", "multiplier_bp": "倍数",
            "recurrence": "周期", "day_of_month": "日期", "month": "月份", "weekday": "星期", "tier_levels": "会员等级",
            "cost_points": "每次消耗积分", "daily_draws": "每日次数", "lifetime_draws": "累计次数",
            "pity_after": "保底次数", "view": "玩法", "description": "描述", "coupon_template_id": "优惠券模板",
            "coupon_package_id": "优惠券礼包", "cost_fen": "成本价", "weight": "权重", "stock_total": "库存",
            "stock": "库存", "per_member_limit": "每人限中", "daily_limit": "每日限中", "slot": "位置",
            "consolation": "安慰奖", "delta": "增减数量", "reason": "原因", "carrier": "快递公司",
            "tracking_no": "运单号", "cash_fen": "加价现金", "min_tier": "最低会员等级", "category": "分类",
            "limit_per_day": "每日限兑", "limit_lifetime": "累计限兑", "limit_per_campaign": "活动限兑",
            "campaign": "活动标签", "sort": "排序", "codes": "卡密", "capacity": "名额", "starts_on": "开始日期",
            "ends_on": "结束日期", "amount": "积分数", "title": "标题", "openid": "openid", "csv": "CSV 文件",
            "display_from": "展示开始", "display_until": "展示结束", "redeem_from": "兑换开始",
            "redeem_until": "兑换结束", "draw_from": "抽奖开始", "draw_until": "抽奖结束", "budget_points": "预算积分",
            "warn_ratio_bp": "预警线", "mode": "模式", "tiers": "等级", "growth_threshold": "成长值门槛",
            "level": "等级", "image_url": "图片地址", "body": "内容", "targets": "目标", "segment": "人群",
            "holdout_bp": "对照组比例", "due_at": "截止时间", "answers": "答案", "phone": "手机号",
            "address": "地址", "password": "密码", "member_id": "会员 ID", "validity": "有效期",
            "from": "开始日期", "to": "结束日期", "granularity": "粒度", "store": "门店", "channel": "渠道活码",
            "tier": "会员等级"}


def field_zh(field: str) -> str:
    head = field.split(".")[0]
    return FIELD_ZH.get(head, field)


_N = r"(?P<n>-?[\d.]+)"

# pydantic's messages (pydantic_core's fixed English templates) -> Chinese
PYDANTIC: list[tuple[str, str]] = [
    (r"^Field required$", "必填"),
    (rf"^Input should be greater than or equal to {_N}$", "不能小于 {n}"),
    (rf"^Input should be greater than {_N}$", "必须大于 {n}"),
    (rf"^Input should be less than or equal to {_N}$", "不能大于 {n}"),
    (rf"^Input should be less than {_N}$", "必须小于 {n}"),
    (r"^Input should be a valid integer.*$", "请填写整数"),
    (r"^Input should be a valid number.*$", "请填写数字"),
    (r"^Input should be a finite number$", "请填写有效的数字"),
    (r"^Input should be a valid boolean.*$", "请选择是或否"),
    (r"^String should have at least 1 character$", "不能为空"),
    (rf"^String should have at least {_N} characters?$", "至少 {n} 个字符"),
    (rf"^String should have at most {_N} characters?$", "最多 {n} 个字符"),
    (r"^String should match pattern .*$", "格式不正确"),
    (r"^Input should be a valid string$", "请填写文字"),
    (r"^Input should be (?:'[^']*'(?:, | or )?)+$", "请选择有效的选项"),
    (r"^Input should be a valid datetime.*$", "请填写有效的日期时间"),
    (r"^Input should be a valid date.*$", "请填写有效的日期"),
    (r"^Input should have timezone info$", "时间需要带时区"),
    (r"^Input should be a valid URL.*$", "请填写有效的网址（http:// 或 https:// 开头）"),
    (r"^URL .*$", "请填写有效的网址"),
    (r"^Extra inputs are not permitted$", "不支持这个字段"),
    (r"^Input should be a valid (?:list|array)$", "请填写列表"),
    (r"^Input should be a valid dictionary.*$", "格式不正确"),
    (rf"^List should have at least {_N} items?.*$", "至少 {n} 项"),
    (rf"^List should have at most {_N} items?.*$", "最多 {n} 项"),
    (rf"^Dictionary should have at most {_N} items?.*$", "最多 {n} 项"),
    (rf"^Dictionary should have at least {_N} items?.*$", "至少 {n} 项"),
    (r"^Input should be a valid dictionary or instance.*$", "格式不正确"),
    (r"^NUL character$", "不能包含 NUL 字符"),
    (r"^expected an object$", "格式不正确"),
    (r"^not found$", "不存在"),
    (r"^too long$", "太长"),
    (r"^no valid code$", "没有有效的卡密（每个 1–64 个字符，不含空格）"),
]

# the services' own cross-field messages (validators raising ValueError / PydanticCustomError, `_fail`)
VALUE_ERRORS: list[tuple[str, str]] = [
    # the metrics filters' cross-field checks (app/services/metrics/points.py `Filters.check`)
    (r"^after `to`$", "不能晚于结束日期"),
    (r"^range$", "时间跨度超出上限"),
    (r"^not with store$", "不能与门店同时选择"),
    (r"^not with channel$", "不能与渠道活码同时选择"),
    (r"^not with tier$", "不能与会员等级同时选择"),
    (r"^a (?P<kind>\w+) prize needs (?P<field>\w+)$", "{kind}奖品需要填写「{field}」"),
    (r"^a (?P<kind>\w+) prize has no (?P<field>\w+)$", "{kind}奖品不填「{field}」"),
    (r"^the consolation prize is points or a coupon.*$", "安慰奖只能是积分或优惠券（每次抽奖都可能发放）"),
    (r"^the consolation prize is always available.*$", "安慰奖始终可中：不设库存和次数上限"),
    (r"^no active coupon template #(?P<id>\d+)$", "没有启用中的优惠券模板 #{id}"),
    (r"^a published lottery's stock changes through stock adjustments.*$",
     "进行中的抽奖请用「调整库存」（需填写原因）"),
    (r"^must include a UTC offset.*$", "时间需要带时区"),
    (r"^(?P<b>\w+) must be after (?P<a>\w+)$", "「{b}」必须晚于「{a}」"),
    (r"^(?P<a>\w+) must be before (?P<b>\w+)$", "「{a}」必须早于「{b}」"),
    (r"^(?P<a>\w+) needs a time zone offset$", "「{a}」需要带时区"),
    (r"^must be after starts_at$", "必须晚于开始时间"),
    (r"^must not be 0$", "不能为 0"),
    (r"^must be in the future$", "必须是将来的时间"),
    (r"^in the past$", "不能早于现在"),
    (r"^is in the past: an expired template issues nothing$", "截止日已过：过期的券模板不会再发放，请先改截止日"),
    (r"^no such plan$", "没有这个计划"),
    (r"^tag_id is for mass sends only$", "只有群发才能指定标签"),
    (r"^level (?P<n>\d+) appears twice$", "等级 {n} 重复了"),
    (r"^the ladder needs a level 0.*$", "等级表需要等级 0（所有会员的起始等级）"),
    (r"^level 0 must start at growth 0$", "等级 0 的成长值门槛必须是 0"),
    (r"^must be above level (?P<l>\d+)'s threshold (?P<t>\d+)$", "必须高于等级 {l} 的门槛 {t}"),
    (r"^required \(or give profit_fen.*$", "请填写预算积分"),
    (r"^profit and budget ratio must be.*$", "利润和预算比例不能为负，兑换比例和积分价值必须大于 0"),
    (r"^only for positive adjustments$", "只有增加积分时才能设置过期时间"),
    (r"^required for (?P<what>[\w ]+)$", "选择{what}时必填"),
    (r"^only for (?P<what>\w+)$", "只有{what}才能填写"),
    (r"^must be after (?P<a>\w+)$", "必须晚于「{a}」"),
    (r"^no coupon package (?P<id>\d+)$", "没有优惠券礼包 #{id}"),
    (r"^WeChat Pay cash-coupon stocks are amount_off$", "微信支付代金券批次只能是满减券"),
    (r"^targets: .*$", "请至少选择门店、区域或导购中的一项"),
    (r"^start_at and deadline_at need a UTC offset$", "开始和截止时间需要带时区"),
    (r"^deadline_at must be after start_at$", "截止时间必须晚于开始时间"),
    (r"^pass_mark exceeds the number of questions$", "及格题数超过了题目数"),
    (r"^step keys must be unique$", "步骤不能重复"),
    (r"^periods must follow each other.*$", "各阶段日期需依次排列：预热 ≤ 正式 ≤ 收尾 ≤ 结束"),
    (r"^a plan spans at most a year$", "一个计划最长一年"),
    (r"^reminder wave (?P<d>\S+) is outside the plan's dates$", "提醒波次 {d} 不在计划日期内"),
    (r"^expected redemption_id,carrier,tracking_no$", "格式应为：兑换单号,快递公司,运单号"),
    (r"validation errors? for ShipIn", "快递公司或运单号填写有误（运单号为 4–64 位字母、数字或 -）"),
    (r"^a coupon reward needs coupon_template_id or coupon_package_id$", "优惠券类商品需要填写优惠券模板或礼包"),
    (r"^only coupon rewards issue coupons$", "只有优惠券类商品才能填写优惠券模板或礼包"),
    (r"^a virtual reward's stock is its code pool.*$", "虚拟卡密商品的库存就是卡密数量：初始库存填 0，再上传卡密"),
    (r"^limit_per_campaign needs a campaign tag$", "填写活动限兑时需要活动标签"),
    (r"^required when (?P<what>\w+) is (?P<value>\w+)$", "{what}为「{value}」时必填"),
    (r"^only allowed when (?P<what>\w+) is (?P<value>\w+)$", "只有{what}为「{value}」时才能填写"),
    (r"^not used when (?P<what>\w+) is (?P<value>\w+)$", "{what}为「{value}」时不填"),
    (r"^month (?P<m>\d+) has no day (?P<d>\d+)$", "{m} 月没有 {d} 日"),
    (r"^events must be unique$", "事件不能重复"),
    (r"^tier levels must be unique$", "会员等级不能重复"),
    (r"^keys are a streak length.*$", "连续天数填正整数（如 7），或加 + 表示每满 N 天重复（如 7+）"),
    (r"^unknown event '(?P<value>[^']*)'.*$",
     "未知事件「{value}」：请用内置事件或 custom:自定义名（小写字母、数字、_ 和 -）"),
    (r"^unknown event\b.*$",
     "未知事件：请用内置事件（如 check_in、purchase）或 custom:自定义名（小写字母、数字、_ 和 -）"),
    # an uploaded image (app/services/content/images.py): its file name, then its bytes
    (r"^a file name without path separators or control characters$", "文件名不能包含路径分隔符（/ \\）或控制字符"),
    (r"^must end in \.jpg, \.jpeg, \.png, \.gif or \.bmp$", "文件名需以 .jpg、.jpeg、.png、.gif 或 .bmp 结尾"),
    (r"^not a jpg, png, gif or bmp image.*$", "不是有效的图片（只支持 jpg、png、gif、bmp 格式）"),
    (r"^not base64$", "无法读取文件内容"),
    (r"^empty image$", "文件是空的"),
    (r"^an inline image is a jpg or png under 1 MB.*$", "正文图片只能是 1 MB 以下的 jpg 或 png"),
    (r"^a cover image is at most 10 MB.*$", "封面图片不能超过 10 MB"),
]

CODES: dict[str, Entry] = {
    # generic
    "bad_request": "请求有误，请检查后重试",
    # long actions (app/services/operations)
    "unknown_operation": "没有这种后台任务", "operation_forbidden": "你的账号无权发起这种后台任务",
    "operation_not_found": "没有这个任务记录", "no_file": "该任务还没有可下载的文件",
    "sync_running": "企业微信同步正在进行中，请等它完成后再试",
    "validation_failed": "填写有误，请按提示修改",
    "unauthorized": "请先登录", "missing_token": "请先登录", "invalid_token": "登录已失效，请重新登录",
    "token_expired": "登录已过期，请重新登录", "token_revoked": "登录已失效，请重新登录",
    "forbidden": "你的账号无权进行此操作", "not_found": "找不到该记录", "conflict": "操作与当前状态冲突，请刷新后重试",
    "payload_too_large": "提交的内容太大", "unsupported_media_type": "不支持的提交格式",
    "method_not_allowed": "不支持这种访问方式",
    "invalid_input": "填写的数值超出范围或格式有误，请检查后重试",
    "internal_error": "服务出错了，请稍后再试（错误已记录）",
    "redis_unavailable": "服务暂时不可用，请稍后再试", "database_unavailable": "服务暂时不可用，请稍后再试",
    "rate_limited": "操作太频繁，请稍后再试", "service_unavailable": "服务暂时不可用，请稍后再试",
    "malformed_json": "提交的内容格式有误", "insufficient_points": "积分不足",
    "idempotency_key_required": "缺少幂等键", "idempotency_key_invalid": "幂等键格式不正确",
    "idempotency_key_reused": "幂等键已用于另一个请求", "retry": "操作结果未能确认，请重试",
    # staff and sign-in
    "bad_credentials": "用户名或密码错误", "login_blocked": "登录失败次数过多，请稍后再试",
    "staff_deactivated": "该账号已停用", "staff_inactive": "该账号已停用", "staff_not_found": "找不到该员工",
    "staff_name_taken": "已有同名的后台账号（名称用于登录，须唯一），请换一个名称",
    "wecom_userid_taken": "该企业微信账号已属于另一名员工（角色不同）",
    "not_a_guide": "该账号不是导购", "not_corp_member": "不是本企业成员", "redirect_uri_required": "缺少回跳地址",
    "invalid_code": "授权码无效或已过期",
    # members and points
    "member_not_found": "找不到该会员", "customer_not_found": "找不到该客户",
    "already_checked_in": "今天已经签到过了", "makeup_limit_reached": "本月补签次数已用完",
    "budget_exhausted": "本年度积分预算已用完", "spend_not_found": "找不到该笔消费",
    "approval_required": [(r"^(?P<amount>\d+) points is above a marketer's limit of (?P<max>\d+) per adjustment",
                           "单次调整 {amount} 积分超出运营的单次上限 {max}，需提交审批申请由管理员批准"),
                          (r"^(?P<used>\d+) points added today; (?P<amount>\d+) more is above a marketer's daily "
                           r"limit of (?P<limit>\d+)",
                           "今天已调增 {used} 积分，再加 {amount} 将超出运营的每日上限 {limit}，"
                           "需提交审批申请由管理员批准"),
                          (r"", "超出你的调整额度，需提交审批申请由管理员批准")],
    "request_decided": "该申请已被处理", "request_not_found": "找不到该申请",
    "rule_not_found": "找不到该规则",
    "rule_code_taken": [(r"^rule code '(?P<c>[^']*)' is taken$", "规则代码「{c}」已被占用"), (r"", "规则代码已被占用")],
    "rule_conflict": [(r"^rule #(?P<id>\d+) \((?P<c>[^)]*)\) is already active for (?P<e>\S+) .*$",
                       "规则 #{id}（{c}）已在重叠时段对事件 {e} 生效，请先停用它"),
                      (r"", "同一事件在重叠时段已有生效的规则，请先停用它")],
    "rule_template_not_found": "找不到该规则模板", "campaign_not_found": "找不到该活动",
    "simulation_not_found": "找不到该预览", "tier_too_low": "会员等级不够",
    # mall
    "reward_not_found": "找不到该商品", "out_of_stock": "库存不足",
    "stock_below_zero": [(r"^only (?P<left>\d+) left: cannot take (?P<take>\d+)$",
                          "库存只剩 {left}，不能减少 {take}"), (r"", "库存不能小于 0")],
    "stock_unlimited": "该商品库存不限，无需调整", "upload_codes": "虚拟卡密商品请通过上传卡密增加库存",
    "not_virtual": "只有虚拟卡密商品才能上传卡密", "not_service": "只有服务预约商品才能添加时段",
    "slot_full": "该时段已约满", "slot_not_found": "找不到该时段", "slot_required": "请选择预约时段",
    "slot_not_applicable": "只有服务预约商品才有时段", "limit_per_day": "已达每日兑换上限",
    "limit_lifetime": "已达累计兑换上限", "limit_per_campaign": "已达本次活动兑换上限",
    "not_redeemable_now": "当前不在兑换时间内", "redemption_not_found": "找不到该兑换记录",
    "not_shippable": [(r"^a (?P<k>\w+) redemption that is (?P<s>\w+) cannot be shipped$",
                       "{k}兑换当前为「{s}」，不能发货"), (r"", "该兑换当前不能发货")],
    "not_shipped": "只有已发货的兑换才能标记签收",
    "not_cancellable": [(r"^a (?P<k>\w+) redemption that is (?P<s>\w+) cannot be cancelled$",
                         "{k}兑换当前为「{s}」，不能取消"),
                        (r"^a redemption that is (?P<s>\w+) cannot be cancelled$", "兑换当前为「{s}」，不能取消"),
                        (r"^the redemption is (?P<s>\w+)$", "兑换当前为「{s}」，不能取消"),
                        (r"", "兑换状态已变化，请刷新后重试")],
    "order_paid": "订单已支付", "order_amount_required": "缺少订单金额", "too_many_addresses": "地址数量已达上限",
    "address_required": "请填写收货地址",
    "bad_csv": [(r"UTF-8", "CSV 文件需为 UTF-8 编码"), (r"NUL", "CSV 文件包含非法字符（NUL）"),
                (r"", "CSV 文件格式有误")],
    # lottery
    "lottery_not_found": "找不到该抽奖活动", "prize_not_found": "找不到该奖品", "draw_not_found": "找不到该抽奖记录",
    "lottery_closed": "抽奖已结束，不能再修改", "lottery_not_open": "抽奖当前未开放",
    "lottery_published": "进行中的抽奖不能更换玩法（奖池已按该玩法布置）",
    "lottery_not_draft": [(r"^the lottery is (?P<s>\w+)$", "抽奖当前为「{s}」，不是草稿"),
                          (r"^only a draft can be deleted.*$", "只有草稿可以删除（进行中的请结束）"),
                          (r"", "抽奖已不是草稿（可能刚被发布），请刷新")],
    "lottery_not_published": [(r"^only a published lottery can be closed \(it is (?P<s>\w+)\)$",
                               "只有进行中的抽奖可以结束（当前为「{s}」）"), (r"", "抽奖不在进行中")],
    "pool_invalid": [(r"^the pool needs exactly one active consolation prize \(has (?P<n>\d+)\)$",
                      "奖池需要恰好一个安慰奖（当前有 {n} 个）"),
                     (r"^every prize of the pool has weight 0$", "奖池中所有奖品权重都是 0"),
                     (r"^a (?P<v>\w+) shows at most (?P<max>\d+) prizes \(the pool has (?P<n>\d+)\)$",
                      "{v}最多展示 {max} 个奖品（奖池有 {n} 个）"),
                     (r"^the pool needs one consolation prize and some weight.*$",
                      "奖池需要一个安慰奖和至少一个权重大于 0 的奖品，才能计算期望成本"),
                     (r"", "奖池设置不完整")],
    "consolation_unavailable": "安慰奖当前不可发放", "draw_limit_reached": "已达抽奖次数上限",
    "gift_not_found": "找不到该奖品记录", "gift_not_won": [(r"^the gift is already (?P<s>\w+)$", "该奖品已是「{s}」"),
                                                          (r"", "该奖品不是待发货状态")],
    "gift_not_shipped": "只有已发货的奖品才能标记签收", "gift_already_shipped": "该奖品已发货",
    "address_missing": "会员还没有填写收货地址，暂不能发货",
    # coupons
    "coupon_not_found": "找不到该优惠券", "coupon_not_yet_valid": "优惠券尚未生效",
    "coupon_unavailable": "优惠券不可用", "coupon_wechatpay_only": "该优惠券只能在微信支付时使用",
    "min_spend_not_met": "未达到优惠券使用门槛", "code_used": "该券码已使用",
    "template_not_found": "找不到该优惠券模板",
    "card_pending": "会员卡尚在处理中",
    # content and pushes
    "edition_not_found": "找不到该期内容", "empty_edition": "这期内容还没有文章",
    "edition_state": [(r"^edition #(?P<id>\d+) is (?P<s>\w+): it can no longer be (?P<w>\w+)$",
                       "第 #{id} 期当前为「{s}」，不能再进行此操作"),
                      (r"^edition #(?P<id>\d+) may already be with WeChat.*$",
                       "第 #{id} 期可能已提交微信，请复制一期再改"),
                      (r"", "这期内容当前状态不允许此操作")],
    "too_many_articles": "一期内容最多 8 篇文章", "preview_refused": "微信拒绝了预览：该 openid 不是公众号粉丝",
    "bad_cover": "封面图片不可用",
    "bad_image": [(r"not a jpg, png, gif or bmp image", "不是有效的图片（只支持 jpg、png、gif、bmp 格式）"),
                  (r"an inline image is a jpg or png under 1 MB", "正文图片只能是 1 MB 以下的 jpg 或 png"),
                  (r"a cover image is at most 10 MB", "封面图片不能超过 10 MB"),
                  (r"", "图片不可用")],
    "image_not_found": "找不到该图片",
    "unknown_image": "未知的图片",
    "plan_not_found": "找不到该计划",
    # quota.py: one slot a day (subscription account) or four a month (service account), naming who holds them
    "mass_quota_exceeded": [
        (r"^no mass-send quota left for (?P<day>\d{4}-\d{2}-\d{2}) \(subscription account: (?P<n>\d+) mass sends? a "
         r"day\): already taken by edition (?P<ids>#\d+(?:, #\d+)*)",
         "{day} 当天的群发次数已被第 {ids} 期占用（订阅号每天只能群发 {n} 次）：请改为发布，或换一天群发"),
        (r"^no mass-send quota left for the month (?P<month>\d{4}-\d{2}) \(service account: (?P<n>\d+) mass sends "
         r"a month\): already taken by edition (?P<ids>#\d+(?:, #\d+)*)",
         "{month} 这个月的群发次数已被第 {ids} 期用完（服务号每月最多群发 {n} 次）：请改为发布，或换一个月群发"),
        (r"", "这一天（服务号：这个月）的群发次数已被其他期占用：请改为发布，或换一个日期群发")],
    "not_remindable": "当前不能发送提醒",
    "not_sent_yet": "企业微信还没有收到你的发送：请先在企业微信里确认发送，再回来点完成",
    "notification_not_found": "找不到该通知",
    # SOP and community
    "task_not_found": "找不到该任务", "quiz_failed": [(r"^(?P<got>\d+) of (?P<total>\d+) right; (?P<need>\d+) needed$",
                     "答对 {got}/{total} 题，需答对 {need} 题，请再试一次"),
                    (r"", "答题未通过，请再试一次")], "store_not_found": "找不到该门店",
    "store_code_taken": "门店代码已被占用",
    "tags_missing": [(r"^(?P<n>\d+) customers do not carry the tags in WeCom yet$",
                      "还有 {n} 位客户在企业微信中未打上标签"),
                     (r"", "还有客户在企业微信中未打上标签")],
    "not_tagging": "这不是企业微信导购的打标签任务", "event_not_found": "找不到该事件",
    "event_done": "该事件已处理完成，无需重试", "unknown_source": "未知的来源",
    # WeChat and signatures
    "bad_signature": "签名校验失败", "bad_timestamp": "时间戳无效", "stale_timestamp": "时间戳已过期",
    "wechat_misconfigured": "微信配置有误，请联系管理员", "wechat_rate_limited": "微信接口调用太频繁，请稍后再试",
    "wechat_unavailable": "微信服务暂时不可用，请稍后再试", "wechatpay_unavailable": "微信支付暂时不可用，请稍后再试",
}

_CJK = re.compile(r"[\u4e00-\u9fff]")


def has_cjk(text: str) -> bool:
    return bool(_CJK.search(text))


def _fill(template: str, match: re.Match[str]) -> str:
    values = {k: WORDS.get(v, FIELD_ZH.get(v, v)) for k, v in match.groupdict().items() if v is not None}
    return template.format(**values)


def _first(table: list[tuple[str, str]], text: str) -> str | None:
    for pattern, template in table:
        m = re.search(pattern, text, re.S)
        if m:
            return _fill(template, m)
    return None


def zh_detail(message: str) -> str:
    """One validation detail's message in Chinese (pydantic's wording, then the services' own checks)."""
    text = message.strip()
    if has_cjk(text):
        return text
    value = re.sub(r"^(?:Value error|Assertion failed), ", "", text)
    return _first(PYDANTIC, value) or _first(VALUE_ERRORS, value) or text


def zh_code(code: str, message: str = "") -> str | None:
    entry = CODES.get(code)
    if entry is None:
        return None
    if isinstance(entry, str):
        return entry
    return _first(entry, message)


def zh_text(text: str) -> str:
    """A bare code or message a service put in a result row (bulk CSV outcomes): the code's sentence, else the
    message translated like a validation detail."""
    return zh_code(text, text) or zh_detail(text)


def _details(exc: ApiError) -> list[dict[str, Any]]:
    return [d for d in exc.details if isinstance(d, dict)] if isinstance(exc.details, list) else []


def zh_message(exc: ApiError) -> str:
    """The refusal as one Chinese sentence: a validation failure lists its fields ("「名称」不能为空"); a code
    with an entry gives it; otherwise the API's own message (already Chinese for the console's own checks)."""
    if has_cjk(exc.message):
        return exc.message
    details = _details(exc)
    if exc.code == "validation_failed" and details:
        return "；".join(f"「{field_zh(str(d.get('field', '')))}」{zh_detail(str(d.get('message', '')))}"
                        if d.get("field") not in (None, "", "body") else zh_detail(str(d.get("message", "")))
                        for d in details)
    translated = zh_code(exc.code, exc.message)
    if translated:
        return translated
    if exc.code == "validation_failed" or details:
        field, _, rest = exc.message.partition(": ")
        if rest and field in FIELD_ZH:
            return f"「{field_zh(field)}」{zh_detail(rest)}"
        said = zh_detail(exc.message)
        return said if has_cjk(said) else str(CODES["validation_failed"])
    return exc.message
