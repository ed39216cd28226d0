"""Tests for kg.extract.recase: headline detection, recasing that keeps offsets, text restore."""

from __future__ import annotations

import pytest

from kg.extract.recase import Recaser, is_headline, restore_text
from kg.model import EventMention, Extraction, Mention, Relation, Sentence

COMMON = {"and", "to", "of", "out", "in", "seek", "normalize", "tie", "push", "force", "host",
          "summit", "talk", "attempt", "relation", "between", "discuss", "withdrawal", "meeting",
          "the"}
PROTECTED = {"democratic", "forces"}


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Russia, Turkey, Iran And Syria Seek To Normalize Ties", True),
        ("Moscow Hosts Summit", True),
        ("Four-Party Meeting in Moscow Discusses Turkish Troop Withdrawal from Syria", True),
        ("Russian Defense Minister Sergei Shoigu hosted talks in Moscow on Tuesday.", False),
        ("The Talks In Moscow Ended.", False),
        ("Syria Talks", False),
        ("talks resumed in cairo on monday", False),
        ("", False),
    ],
)
def test_recase_is_headline(line, expected):
    assert is_headline(line) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Russia, Turkey, Iran And Syria Seek To Normalize Ties",
         "Russia, Turkey, Iran and Syria seek to normalize ties"),
        ("Moscow Hosts Summit", "Moscow hosts summit"),
        # the first word keeps its capital
        ("Talks Between Turkey And Syria", "Talks between Turkey and Syria"),
        # inflections of common words: -ing, -ed, -s, and a dropped e
        ("Syria Attempts Normalizing Relations", "Syria attempts normalizing relations"),
        # words of known names are protected
        ("Syrian Democratic Forces Push Out Of Raqqa",
         "Syrian Democratic Forces push out of Raqqa"),
        # running text is left alone, line by line
        ("Moscow Hosts Summit\nThe Summit was held in Moscow.",
         "Moscow hosts summit\nThe Summit was held in Moscow."),
        # only ASCII words change (offsets must not move); other letters pass through
        ("Erdoğan And Putin Seek Talks", "Erdoğan and Putin seek talks"),
    ],
)
def test_recase_recaser(text, expected):
    out = Recaser(COMMON, PROTECTED)(text)
    assert out == expected
    assert len(out) == len(text) and out.lower() == text.lower()


def test_recase_restore_text_gives_original_slices():
    original = "Moscow Hosts Summit\nShoigu hosted talks."
    recased = Recaser(COMMON)(original)
    assert recased != original
    summit = EventMention(13, 19, recased[13:19], "Meeting", 0)
    moscow = Mention(0, 6, recased[0:6], "GPE", 0, True)
    speaker = Mention(20, 26, recased[20:26], "PERSON", 1, True)
    ex = Extraction(
        sentences=(Sentence(0, 19, recased[0:19]), Sentence(20, 40, recased[20:40])),
        mentions=(moscow, speaker),
        events=(summit,),
        relations=(Relation(moscow, "hosts", summit, 0, "svo", 0.85, speaker),),
    )
    out = restore_text(ex, original)
    assert [s.text for s in out.sentences] == ["Moscow Hosts Summit", "Shoigu hosted talks."]
    assert [e.text for e in out.events] == ["Summit"]
    [r] = out.relations
    assert (r.subject.text, r.object.text, r.speaker.text) == ("Moscow", "Summit", "Shoigu")
    # the relation's arguments are the same objects as the restored mentions and events
    assert (
        r.subject is out.mentions[0] and r.object is out.events[0] and r.speaker is out.mentions[1]
    )
