"""Customer segments of SOP tasks, compiled to SQL conditions over the community graph and the member.

The fan-out joins a guide's primary follows (`f`, wecom_contact_follows) to the customer (`c`, wecom_contacts)
and, through `c.member_id`, the member (`m`, LEFT JOIN members). Member conditions exclude customers who are
not members yet (nothing is known of their points or purchases).
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from pydantic import BaseModel, Field

from app.clock import clock as business_clock


class Segment(BaseModel):
    """Who among a guide's customers a task targets; every condition given must hold."""

    tag_ids: list[str] = Field(default_factory=list, max_length=50)  # any of these corp tags
    exclude_tag_ids: list[str] = Field(default_factory=list, max_length=50)  # none of these
    # not (or no longer) a member of any of these groups: the tag-based group invite (the group's QR by
    # group-send to tagged customers not yet in the group)
    not_in_chat_ids: list[str] = Field(default_factory=list, max_length=50)
    members_only: bool = False
    tier_min: int | None = Field(default=None, ge=0, le=100)
    tier_max: int | None = Field(default=None, ge=0, le=100)
    balance_min: int | None = Field(default=None, ge=0)
    balance_max: int | None = Field(default=None, ge=0)
    checked_in_within_days: int | None = Field(default=None, ge=1, le=3650)
    not_checked_in_days: int | None = Field(default=None, ge=1, le=3650)
    purchased_within_days: int | None = Field(default=None, ge=1, le=3650)
    not_purchased_days: int | None = Field(default=None, ge=1, le=3650)
    expiring_within_days: int | None = Field(default=None, ge=1, le=3650)

    @property
    def needs_member(self) -> bool:
        return self.members_only or any(v is not None for v in (
            self.tier_min, self.tier_max, self.balance_min, self.balance_max, self.checked_in_within_days,
            self.not_checked_in_days, self.purchased_within_days, self.not_purchased_days,
            self.expiring_within_days))


def _in_list(values: list[str], args: list[Any]) -> str:
    marks = []
    for v in values:
        args.append(v)
        marks.append(f"${len(args)}")
    return ", ".join(marks)


def conditions(seg: Segment, now: datetime, args: list[Any]) -> str:
    """SQL (AND-joined, never empty) for `seg` at `now`; appends its parameters to `args` ($n numbering)."""
    out: list[str] = ["1 = 1"]

    def arg(value: Any) -> str:
        args.append(value)
        return f"${len(args)}"

    if seg.tag_ids:
        out.append("EXISTS (SELECT 1 FROM wecom_contact_tags t WHERE t.external_userid = f.external_userid "
                   f"AND t.userid = f.userid AND t.tag_id IN ({_in_list(seg.tag_ids, args)}))")
    if seg.exclude_tag_ids:
        out.append("NOT EXISTS (SELECT 1 FROM wecom_contact_tags t WHERE t.external_userid = f.external_userid "
                   f"AND t.userid = f.userid AND t.tag_id IN ({_in_list(seg.exclude_tag_ids, args)}))")
    if seg.not_in_chat_ids:
        out.append("NOT EXISTS (SELECT 1 FROM wecom_group_members gm WHERE gm.userid = f.external_userid "
                   f"AND gm.status = 'active' AND gm.chat_id IN ({_in_list(seg.not_in_chat_ids, args)}))")
    if seg.needs_member:
        out.append("m.id IS NOT NULL")
    if seg.tier_min is not None:
        out.append(f"m.tier_level >= {arg(seg.tier_min)}")
    if seg.tier_max is not None:
        out.append(f"m.tier_level <= {arg(seg.tier_max)}")
    if seg.balance_min is not None:
        out.append(f"m.balance >= {arg(seg.balance_min)}")
    if seg.balance_max is not None:
        out.append(f"m.balance <= {arg(seg.balance_max)}")
    today = business_clock.day_of(now)
    if seg.checked_in_within_days is not None:
        out.append(f"m.last_checkin_day > {arg(today - timedelta(days=seg.checked_in_within_days))}")
    if seg.not_checked_in_days is not None:
        out.append("(m.last_checkin_day IS NULL OR m.last_checkin_day <= "
                   f"{arg(today - timedelta(days=seg.not_checked_in_days))})")
    if seg.purchased_within_days is not None:
        out.append("EXISTS (SELECT 1 FROM payments p WHERE p.member_id = m.id AND p.success_time >= "
                   f"{arg(now - timedelta(days=seg.purchased_within_days))})")
    if seg.not_purchased_days is not None:
        out.append("NOT EXISTS (SELECT 1 FROM payments p WHERE p.member_id = m.id AND p.success_time >= "
                   f"{arg(now - timedelta(days=seg.not_purchased_days))})")
    if seg.expiring_within_days is not None:
        out.append("EXISTS (SELECT 1 FROM point_buckets b WHERE b.member_id = m.id AND b.state = 'active' "
                   f"AND b.remaining > 0 AND b.expires_at IS NOT NULL AND b.expires_at <= "
                   f"{arg(now + timedelta(days=seg.expiring_within_days))})")
    return " AND ".join(out)
