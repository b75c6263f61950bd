"""Comparing two wordings of an article: what was removed and what was added."""

from statutes.comparison import ADDED, KEPT, REMOVED, Run, compare, compare_paragraphs


def test_chinese_is_compared_character_by_character():
    """The renamed authority in Article 57 shows as the old name removed and the new one added."""
    runs = compare("工商行政管理部门、民政部门", "市场监督管理部门、民政部门")
    assert Run(REMOVED, "工商行政") in runs
    assert Run(ADDED, "市场监督") in runs
    assert runs[-1] == Run(KEPT, "管理部门、民政部门")


def test_english_is_compared_word_by_word():
    """English changes come out as whole words."""
    runs = compare("the administration for industry", "the market regulation department", language="en")
    assert [run.text for run in runs if run.kind == REMOVED] == ["administration for industry"]
    assert [run.text for run in runs if run.kind == ADDED] == ["market regulation department"]


def test_unchanged_text_is_one_kept_run():
    """Identical wording has nothing removed or added."""
    assert compare("社会保险基金专款专用。", "社会保险基金专款专用。") == [Run(KEPT, "社会保险基金专款专用。")]


def test_reading_the_runs_gives_both_texts_back():
    """Kept plus removed text is the old wording; kept plus added text is the new one."""
    old, new = "基本医疗保险基金", "基本医疗保险基金与生育保险基金合并建账"
    runs = compare(old, new)
    assert "".join(r.text for r in runs if r.kind != ADDED) == old
    assert "".join(r.text for r in runs if r.kind != REMOVED) == new


def test_paragraphs_are_compared_one_by_one():
    """A paragraph added at the end shows as wholly added, the others are compared in place."""
    paragraphs = compare_paragraphs("第一款。\n第二款。", "第一款。\n第二款。\n第三款。")
    assert paragraphs[0] == [Run(KEPT, "第一款。")]
    assert paragraphs[2] == [Run(ADDED, "第三款。")]
