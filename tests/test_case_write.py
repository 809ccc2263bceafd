"""Case data written back as YAML reads back to the very same values (the desk's saves)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from formgen.case.source import read_located, read_located_text
from formgen.case.write import case_text
from tests.helpers import SAMPLES


def test_the_samples_read_back_identically():
    for path in SAMPLES.glob("*.yaml"):
        data = read_located(path).data
        assert read_located_text(case_text(data, "заголовок\nвторая строка"), "x").data == data, path


def test_values_as_typed_stay_text():
    text = case_text({"inn": "0101123456", "okved": "11.10", "phone_code": "8142", "date": "2025-04-14",
                      "answer": "yes", "empty": "", "count": 40, "flag": True})
    assert "inn: '0101123456'" in text and "okved: '11.10'" in text and "date: 2025-04-14" in text
    assert read_located_text(text, "x").data["answer"] == "yes"


KEYS = st.text(st.characters(codec="utf-8", exclude_categories=["Cs", "Cc"]), min_size=1, max_size=12)
VALUES = st.one_of(st.text(st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=80),
                   st.integers(), st.booleans(), st.lists(st.text(max_size=20), max_size=3))


@settings(max_examples=60, deadline=None)
@given(st.dictionaries(KEYS, VALUES, max_size=6))
def test_any_text_reads_back(data):
    assert read_located_text(case_text({"section": data}), "x").data == {"section": data}
