"""The deadline engine's steps told in the reader's language, for the UI, mails and the CLI."""

from __future__ import annotations

from flask_babel import gettext, ngettext

from ..dates import format_date, format_date_range, format_time
from ..deadlines import Deadline, Step, holiday_name


def _day(day) -> str:
    """A date with its weekday: "maanantai 16. helmikuuta 2026"."""
    return format_date(day, "full")


def _sentence(step: Step, lang: str, with_time: bool) -> str:
    d = step.details
    if step.code == "received" and not with_time:
        return gettext("The request was received on %(date)s.",
                       date=format_date(step.day, "long"))
    if step.code == "received":
        return gettext("The request was received on %(date)s at %(time)s Finnish time.",
                       date=format_date(step.day, "long"), time=format_time(d["at"], "short"))
    if step.code == "one_month":
        return gettext("One month from receipt is %(date)s (GDPR Art. 12(3)).", date=_day(step.day))
    if step.code == "three_months":
        return gettext("The time limit has been extended: three months from receipt is %(date)s "
                       "(GDPR Art. 12(3)).", date=_day(step.day))
    if step.code == "specified":
        return gettext("The request did not identify the documents; it was specified on "
                       "%(date)s and the time limit runs from that day (Openness Act 621/1999 "
                       "§14(4)).", date=format_date(step.day, "long"))
    if step.code == "decision_requested":
        return gettext("On %(date)s the requester asked for the matter to be taken to the "
                       "authority for a written decision; the time limit runs again from that day "
                       "(Openness Act 621/1999 §14(3) and (4)).",
                       date=format_date(step.day, "long"))
    if step.code == "two_weeks":
        return gettext("Two weeks is %(date)s (Openness Act 621/1999 §14(4)).", date=_day(step.day))
    if step.code == "openness_month":
        return gettext("The number of documents or a comparable reason needs more time: one month "
                       "is %(date)s (Openness Act 621/1999 §14(4)).", date=_day(step.day))
    if step.code == "month_end":
        return gettext("That month has no day with the same number, so its last day counts.")
    if step.code == "paused":
        return ngettext("The time limit did not run during %(period)s while the requester was "
                        "asked for more information: %(num)d day is added, giving %(date)s.",
                        "The time limit did not run during %(period)s while the requester was "
                        "asked for more information: %(num)d days are added, giving %(date)s.",
                        d["days"], period=format_date_range(d["from"], d["to"]),
                        date=_day(step.day))
    if step.code == "extension_late":
        return gettext("The extension was notified on %(notified)s, after the one-month time limit "
                       "of %(date)s, so it does not apply.",
                       notified=format_date(d["notified"], "long"), date=_day(step.day))
    if step.code == "month_late":
        return gettext("The requester was told of the one-month time limit on %(notified)s, after "
                       "the two weeks ended on %(date)s, so it does not apply.",
                       notified=format_date(d["notified"], "long"), date=_day(step.day))
    if step.code == "non_working":
        name = holiday_name(step.day, lang) if d.get("holiday") else None
        if name and lang != "en":
            # Finnish and Swedish write holiday names in lower case in running text.
            name = name.lower()
        if name:
            return gettext("%(date)s is a public holiday (%(holiday)s), so the time limit moves "
                           "on.", date=_day(step.day), holiday=name)
        return gettext("%(date)s is a weekend day, so the time limit moves on.",
                       date=_day(step.day))
    return gettext("The due date is %(date)s; the answer must be sent by 23:59 Finnish time.",
                   date=_day(step.day))


def explain(deadline: Deadline, lang: str, *, with_time: bool = True) -> list[str]:
    """One plain sentence per step; call inside ``force_locale(lang)``.

    ``with_time=False`` leaves out the time of receipt when only the date is known.
    """
    sentences = (_sentence(step, lang, with_time) for step in deadline.steps)
    return [sentence[:1].upper() + sentence[1:] for sentence in sentences]
