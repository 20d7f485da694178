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
