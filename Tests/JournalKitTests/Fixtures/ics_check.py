"""Parses an iCalendar file with the `icalendar` package and prints what the Swift tests check,
as JSON: each event's and to-do's UID, SUMMARY, start and due, the start converted to UTC both
through the file's own VTIMEZONE and through the zone database, and the local time.
Usage: python3 ics_check.py FILE"""
import datetime
import json
import sys
import zoneinfo

import icalendar

with open(sys.argv[1], "rb") as handle:
    calendar = icalendar.Calendar.from_ical(handle.read())

# lookup_tzid=False: build the zone from the file's own observances, not from the zone database.
own_zones = {zone["TZID"]: zone.to_tz(lookup_tzid=False) for zone in calendar.walk("VTIMEZONE")}


def utc(value, tzid):
    if not isinstance(value, datetime.datetime):
        return None
    if tzid is None:
        return value.astimezone(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
    naive = value.replace(tzinfo=None)
    zone = own_zones[tzid]
    local = zone.localize(naive) if hasattr(zone, "localize") else naive.replace(tzinfo=zone)
    return local.astimezone(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def describe(component, key):
    prop = component.get(key)
    if prop is None:
        return {}
    value = prop.dt
    tzid = prop.params.get("TZID")
    out = {key.lower(): value.isoformat()}
    if isinstance(value, datetime.datetime):
        out[key.lower() + "_utc"] = utc(value, tzid)
        if tzid:
            out[key.lower() + "_utc_zoneinfo"] = value.replace(tzinfo=zoneinfo.ZoneInfo(tzid)).astimezone(
                datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
        out[key.lower() + "_local"] = value.replace(tzinfo=None).isoformat()
        out[key.lower() + "_tzid"] = tzid
    else:
        out[key.lower() + "_all_day"] = True
    return out


result = {"version": str(calendar.get("VERSION")), "prodid": str(calendar.get("PRODID")), "events": [], "todos": []}
for component in calendar.walk():
    if component.name not in ("VEVENT", "VTODO"):
        continue
    row = {"uid": str(component.get("UID")), "summary": str(component.get("SUMMARY")),
           "status": str(component.get("STATUS")), "dtstamp": component.get("DTSTAMP").dt.isoformat()}
    for key in ("DTSTART", "DTEND", "DUE"):
        row.update(describe(component, key))
    result["events" if component.name == "VEVENT" else "todos"].append(row)
print(json.dumps(result, ensure_ascii=False, indent=1))
