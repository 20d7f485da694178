import json

from bs4 import BeautifulSoup

from magazine.templatetags.magazine_tags import json_ld


def test_json_ld_cannot_break_out_of_its_script_element():
    html = json_ld({"headline": "</script><script>alert(1)</script> & <!--"})
    scripts = BeautifulSoup(html, "html.parser").find_all("script")
    assert len(scripts) == 1
    assert scripts[0]["type"] == "application/ld+json"
    assert "</script><script>" not in html
    assert json.loads(scripts[0].string)["headline"].startswith("</script><script>alert(1)")


def test_html_datetime_drops_microseconds_and_keeps_the_offset():
    from datetime import UTC, datetime

    from magazine.templatetags.magazine_tags import html_datetime

    winter = datetime(2026, 11, 25, 18, 0, 51, 593330, tzinfo=UTC)
    assert html_datetime(winter) == "2026-11-25T18:00:51+00:00"
    summer = datetime(2026, 6, 1, 9, 0, 0, 12, tzinfo=UTC)
    assert html_datetime(summer) == "2026-06-01T10:00:00+01:00"  # shown in UK time
    assert html_datetime(None) == ""
