"""escaping.py: templates that output escaped values as `str` write the same bytes as Jinja's
own autoescaping, in every place a template outputs a value (blocks, macros, set blocks,
loops, filters, memoized markup, numbers, undefined values)."""

from __future__ import annotations

import jinja2
from aduan_site import escaping
from markupsafe import Markup

TEMPLATES = {
    "base.html": (
        "<title>{% block title %}{% endblock %} · {{ site }}</title>{% set home = url(p) %}"
        "{% block content %}{% endblock %}<a href=\"{{ home }}x/\">{{ t['menu'] }}</a>"
    ),
    "_m.html": (
        '{% macro badge(code, long=False) %}<span class="b-{{ code }}">{{ label(code) }}</span>'
        "{% if long %}{{ caller() if caller else '' }}{% endif %}{% endmacro %}"
    ),
    "page.html": (
        '{% extends "base.html" %}{% import "_m.html" as m %}'
        "{% block title %}{{ r['title'] }} ({{ r['n'] }}){% endblock %}"
        "{% block content %}{% set shown %}<b>{{ r['title'] }}</b>{% endset %}{{ shown }}"
        "{{ m.badge(r['status']) }}{% call m.badge(r['status'], long=True) %}{{ r['note'] }}{% endcall %}"
        "{{ memo }}{{ r['missing'] }}{{ r['n'] * 2 }}{{ r['ratio'] }}{{ r['none'] }}{{ r['flag'] }}"
        "{{ r['tags']|join(', ') }}{{ r['title'] ~ ' & ' ~ r['n'] }}{{ r['title']|upper }}"
        "{% for e in r['tags'] %}<li>{{ loop.index }}{{ e }}{{ t['fmt'].format(n=e) }}</li>{% endfor %}"
        "{{ r['title']|e }}{{ r['title']|safe }}{{ '<x>'|safe ~ r['title'] }}{{ r['obj'] }}"
        "{% endblock %}"
    ),
}


class Shown:
    def __str__(self) -> str:
        return "<obj & 'it'>"


RECORD = {
    "title": "Jalan <rusak> & \"berlubang\" 'parah'",
    "n": 7,
    "status": "in_progress",
    "note": "Catatan <i>penting</i> & lain",
    "ratio": 0.5,
    "none": None,
    "flag": True,
    "tags": ["a<b", "c&d", 3],
    "obj": Shown(),
}


def environment() -> jinja2.Environment:
    env = jinja2.Environment(loader=jinja2.DictLoader(TEMPLATES), autoescape=True, auto_reload=False)
    env.globals.update(
        site="Aduan <Kota>",
        url=lambda path="": f"https://x.test/{path}",
        label=lambda code: f"Label <{code}>",
        t={"menu": "Menu & more", "fmt": "#{n} <n>"},
        p="en/",
        memo=Markup("<time>1 Mei</time>"),
    )
    return env


def render(env: jinja2.Environment) -> bytes:
    return env.get_template("page.html").render(r=RECORD).encode()


def test_the_same_bytes_as_jinjas_own_escaping() -> None:
    expected = render(environment())
    assert b"&lt;rusak&gt; &amp; &#34;berlubang&#34; &#39;parah&#39;" in expected
    # Installed before any template is loaded, and after some were (cached ones are patched).
    early = environment()
    escaping.install(early)
    late = environment()
    late.get_template("page.html")
    escaping.install(late)
    for env in (early, late):
        assert render(env) == expected
        for name in TEMPLATES:
            # The templates really look up the plain-str escape (else the test could not fail).
            assert env.get_template(name).root_render_func.__globals__["escape"] is escaping.escape


def test_escape_keeps_markup_and_numbers_and_escapes_str() -> None:
    markup = Markup("<b>x</b>")
    assert escaping.escape(markup) is markup
    assert escaping.escape(12) == "12"
    assert escaping.escape("<a & 'b'>") == "&lt;a &amp; &#39;b&#39;&gt;"
    assert type(escaping.escape("x")) is str
    assert escaping.escape(None) == Markup("None")
