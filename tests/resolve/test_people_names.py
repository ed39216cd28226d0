"""Person names cleaned before they are compared (kg.resolve.names): honorifics, datelines."""

from __future__ import annotations

from collections import Counter

import pytest

from kg.resolve.names import clean_surface, person_key, person_label, strip_honorifics


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Ayatollah Seyed Ali Khamenei", "Ali Khamenei"),
        ("Ayatollah Seyyed Ebrahim Raisi", "Ebrahim Raisi"),
        ("Grand Ayatollah Ali al-Sistani", "Ali al-Sistani"),
        ("Hojjatoleslam val-Moslemin Hamid Shahriari", "Hamid Shahriari"),
        ("Sayyed Hassan Nasrallah", "Hassan Nasrallah"),
        ("Imam Khomeini", "Khomeini"),
        ("Crown Prince Mohammed bin Salman", "Mohammed bin Salman"),
        ("Sheikh Tamim bin Hamad Al Thani", "Tamim bin Hamad Al Thani"),
        ("Sultan Haitham bin Tarik", "Haitham bin Tarik"),
        # a title before a patronymic is the man's given name
        ("Sultan bin Salim Al Habsi", "Sultan bin Salim Al Habsi"),
        # ... only where the title is also a given name: nobody is named Prince
        ("Prince Bin Farhan", "Bin Farhan"),
        # a given name that looks like a title, and a title alone, stay
        ("Hojatollah Abdolmaleki", "Hojatollah Abdolmaleki"),
        ("Imam", "Imam"),
        ("Dr. Ayman Sousan", "Ayman Sousan"),
        ("Brig. Gen. Richard Coe", "Richard Coe"),
    ],
)
def test_people_names_strip_honorifics(name: str, expected: str) -> None:
    assert strip_honorifics(name) == expected


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Ayatollah Seyed Ali Khamenei", "Ali Khamenei"),
        ("Ayatullah Seyyed Ali Khamenei", "Sayyid Ali Khamenei"),
        ("Hojjatoleslam Hamid Shahriari", "Hamid Shahriari"),
    ],
)
def test_people_names_one_key(a: str, b: str) -> None:
    assert person_key(a) == person_key(b)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("TEHRAN- Iran’s Foreign Ministry", "Iran’s Foreign Ministry"),
        ("TEHRAN - Iranian Foreign Ministry", "Iranian Foreign Ministry"),
        ("TEHRAN (IRNA) - Ali Bagheri Kani", "Ali Bagheri Kani"),
        ("(IRNA) -- Nasser Kanaani", "Nasser Kanaani"),
        ("BEIRUT: Hezbollah", "Hezbollah"),
        ("Raisi The", "Raisi"),
        # an acronym before its expansion, and names with dashes, stay whole
        ("INSTEX - Instrument in Support of Trade Exchanges",
         "INSTEX - Instrument in Support of Trade Exchanges"),
        ("COVID-19", "COVID-19"),
        ("US-Iran", "US-Iran"),
        ("Hossein Amir-Abdollahian", "Hossein Amir-Abdollahian"),
        ("The Hague", "Hague"),
    ],
)
def test_people_names_datelines(text: str, expected: str) -> None:
    assert clean_surface(text) == expected


@pytest.mark.parametrize(
    ("forms", "expected"),
    [
        (Counter({"Ayatollah Seyed Ali Khamenei": 3, "Ali Khamenei": 1}), "Ali Khamenei"),
        (Counter({"Ayatollah Raisi": 5, "Ayatollah Ebrahim Raisi": 2}), "Ebrahim Raisi"),
        (Counter({"Prince Faisal bin Farhan": 4, "Faisal bin Farhan Al Saud": 2}),
         "Faisal bin Farhan Al Saud"),
        # a form seen once with a stray word before the name
        (Counter({"Yair Lapid": 6, "MK Yair Lapid": 1}), "Yair Lapid"),
        (Counter({"Putin": 6, "Vladimir Putin": 1}), "Vladimir Putin"),
        (Counter({"Ebrahim Raisi": 9, "Ebrahim Raeisi": 2}), "Ebrahim Raisi"),
        (Counter({"Bashar Assad": 2, "Bashar al-Assad": 1}), "Bashar al-Assad"),
    ],
)
def test_people_names_label(forms: Counter[str], expected: str) -> None:
    assert person_label(forms) == expected
