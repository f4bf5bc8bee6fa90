"""The article extractor: date forms, Vietnamese numbers, document codes, exclusions, places, bad input, and the
whole corpus against the hand-labelled set (tests/fixtures/ingest/labels.yaml)."""

from __future__ import annotations

import datetime as dt
import os
import random
import re
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest
import yaml
from conftest import cp1258

from danvan.ingest import Draft, event_model, extract_file, extract_text, load_indicators, load_registry
from danvan.ingest.dates import anniversaries, find_dates, reference_year, sentence_year, years_spoken_of
from danvan.ingest.documents import find_documents
from danvan.ingest.evaluate import event_keys, load_labels, run, summarise
from danvan.ingest.extract import event_examples
from danvan.ingest.numbers import measures, parse_number
from danvan.ingest.places import (
    body_level,
    find_bodies,
    find_people,
    find_places,
    headline_place,
    outlet_district,
    outlet_from_web,
)
from danvan.ingest.text import IngestError, Span, prepare, read_article, split_sentences
from danvan.messages import english
from danvan.text import fold_tones, nfc, quote_key

ROOT = Path(__file__).resolve().parent.parent
CORPUS = Path(os.environ.get("DANVAN_CORPUS", ROOT.parent / "shared" / "corpus"))  # beside the repo by default
LABELS = ROOT / "tests" / "fixtures" / "ingest" / "labels.yaml"
needs_corpus = pytest.mark.skipif(not CORPUS.is_dir(), reason="corpus ../shared/corpus not present")


@pytest.fixture(scope="module")
def registry():
    """The registry of the curated data: all 63/34 provinces and the places the corpus names."""
    reg, _ = load_registry(ROOT / "data")
    assert reg is not None
    return reg


def draft_of(text: str, registry=None, **options) -> Draft:
    return extract_text(text, registry, **options)


def values(draft: Draft) -> list:
    return [o.value for o in draft.observations]


# --- dates ----------------------------------------------------------------------------------------------------


def test_publication_with_weekday():
    draft = draft_of("Thứ Năm, 25/4/2024\nĐoàn khảo sát của Ban Dân vận Trung ương làm việc với Tỉnh ủy Lạng Sơn\n")
    assert draft.source.published == "2024-04-25"
    assert draft.source.published_quote == "Thứ Năm, 25/4/2024"
    assert draft.source.confidence == 0.95
    assert draft.visits[0].date_start == "2024-04-25"
    assert "ngày đăng" in draft.visits[0].date_note


def test_a_weekdays_dated_line_atop_a_hard_wrapped_paragraph_is_the_stamp():
    # a page printed with hard line breaks: its stamp and lead are one paragraph (fresh tuning text b703)
    draft = draft_of(
        "Thị đoàn Dĩ An: Tổ chức hội thi tuyên truyền Nghị quyết Đoàn\nThứ hai, ngày 22/07/2013\nNgày\n"
        "20-7, Thị đoàn Dĩ An đã tổ chức hội thi tuyên truyền Nghị quyết đại hội Đoàn\ncác cấp nhiệm kỳ 2012-2017. "
        "Hội thi thu hút hơn 200 đoàn viên thanh niên tham\ngia. Các thí sinh tham gia dự thi phải trải qua 2 phần "
        "thi, gồm thi kiến thức\nvà thi tiểu phẩm tuyên truyền lưu động về Nghị quyết đại hội Đoàn các cấp. Hội\nthi "
        "nhằm giúp ĐVTN tìm hiểu Nghị quyết đại hội Đoàn.\n"
    )
    assert draft.source.published == "2013-07-22"
    assert draft.source.published_quote == "Thứ hai, ngày 22/07/2013"
    assert [v.date_start for v in draft.visits] == ["2013-07-20"]


def test_a_reports_own_date_line_is_its_date():
    """A curator's walk-through: a Word report's "Yên Bái, ngày 15 tháng 12 năm 2023." gave no date and the source
    was saved without one. The line official documents put under their header; not a sentence that names a day."""
    for head in (
        "BÁO CÁO TỔNG KẾT NĂM 2023\nBan Dân vận Tỉnh ủy Yên Bái. Yên Bái, ngày 15 tháng 12 năm 2023.\n",
        "TỈNH ỦY YÊN BÁI\nBAN DÂN VẬN\nSố: 12-BC/BDVTU\nYên Bái, ngày 15 tháng 12 năm 2023\nBÁO CÁO\n",
    ):
        source = extract_text(head + "Năm 2023, toàn tỉnh có 215 mô hình “Dân vận khéo”.\n").source
        assert source.published == "2023-12-15"
        assert source.published_note == "Ngày của báo cáo, ghi ở đầu văn bản: “Yên Bái, ngày 15 tháng 12 năm 2023”."
    sentence = "Tại Hà Nội, ngày 15 tháng 12 năm 2023 là ngày Ban Dân vận Trung ương tổ chức hội nghị tổng kết.\n"
    assert extract_text(sentence).source.published is None


def test_the_sites_bar_of_todays_date_is_no_publication_date(monkeypatch):
    # the rules' reading of the day and its year; the event model weighs this bracketed day at 0,41 (0,45 before the
    # fourteenth session's refit): a knife edge, not what this test is about
    monkeypatch.setattr(event_model, "model", lambda: event_model.Model({"bias": 5.0}, event_model.THRESHOLD))
    text = (
        "Thứ sáu,  12/08/2022\nHội nông dân:\n\n"
        "LSO-Sáng nay (3/11), Hội Nông dân tỉnh đã tổ chức hội nghị học tập, quán triệt Nghị quyết Hội nghị lần thứ 12 "
        "của Ban Chấp hành Trung ương Hội Nông dân Việt Nam khóa VI.\n"
        "Kết quả 9 tháng năm 2017, Hội đã kết nạp hội viên.\n"
    )
    draft = draft_of(text)
    assert draft.source.published is None
    assert [v.date_start for v in draft.visits] == ["2017-11-03"]


def test_the_sites_bar_gives_way_to_the_stamp_with_a_clock_time_below_it():
    """Round 44's p1532: the site's bar of the day it was read, then the article's own stamp."""
    text = (
        "Kinh tế nông thôn\nChủ nhật, ngày 24 tháng 11 năm 2024\nThứ hai, ngày 12 tháng 9 năm 2022 | 16:42\n"
        "Diễn đàn nông dân Quốc gia lần thứ VII do Trung ương Hội Nông dân Việt Nam tổ chức sáng nay (ngày 12/9) tại "
        "Hà Nội.\n"
    )
    draft = draft_of(text)
    assert draft.source.published == "2022-09-12"
    assert draft.source.published_quote == "Thứ hai, ngày 12 tháng 9 năm 2022 | 16:42"


def test_of_two_clocked_stamps_over_the_lead_the_earlier_is_the_articles():
    """zr01, zv03: the site's bar carries a clock time too ("Thứ Tư, 19/06/2024 15:16 (GMT +7)"), over the title and
    the article's stamp; the page was read after it was published, never before. A banner in capitals between them
    is no lead; a stamp below the lead is not the page's."""
    lead = "Ngày 26/3/2024, Ủy ban MTTQ huyện triển khai kế hoạch lấy ý kiến sự hài lòng của người dân.\n"
    top = "Thứ Tư, 19/06/2024 15:16 (GMT +7)\n\nLấy ý kiến người dân về Đô thị văn minh\n\n"
    stamp = "Thứ 4, 27/03/2024 | 10:43:53 [GMT +7]\n\n"
    draft = draft_of(top + stamp + lead)
    assert (draft.source.published, draft.source.published_quote) == ("2024-03-27", stamp.strip())
    assert [v.date_start for v in draft.visits] == ["2024-03-26"]
    banner = "CHÀO MỪNG KỶ NIỆM 49 NĂM NGÀY GIẢI PHÓNG HOÀN TOÀN MIỀN NAM, THỐNG NHẤT ĐẤT NƯỚC (30/4/1975-30/4/2024)\n"
    assert draft_of(top + banner + stamp + lead).source.published == "2024-03-27"
    assert draft_of(top + lead + stamp).source.published == "2024-06-19"
    # a headline longer than a line of 80 with no stop at its end is no lead either (p1584)
    title = "Đắk Lắk: Tập hợp các tầng lớp nhân dân, phát huy sức mạnh đại đoàn kết toàn dân tộc trong tình hình mới\n"
    assert draft_of("Thứ 5, 25/04/2019, 17:33 GMT+7\n" + title + "15:43, 18/07/2018\n" + lead).source.published == (
        "2018-07-18"
    )


def test_a_bylines_stamp_below_a_frozen_bar_is_the_articles():
    """dn01, cz02, ic06, nq03, p2068: one site's bar stays on "Thứ Sáu, ngày 23 tháng 08 năm 2019, 09:25:27" over the
    title and the byline that stamps the article ("Thùy Anh - 21:33, 16/11/2022"); "ngày 16/11" is of 2022, not 2018.
    A clocked stamp below that is no byline stays the bar's when it is later; the bar is no title either."""
    bar, title = "Thứ Sáu, ngày 23 tháng 08 năm 2019, 09:25:27\n\n", "Ngày hội Đại đoàn kết xã Mường Sang\n\n"
    lead = "Ngày 16/11, Ủy ban Trung ương MTTQ Việt Nam dự Ngày hội Đại đoàn kết toàn dân tộc tại xã Mường Sang.\n"
    draft = draft_of(bar + title + "Thùy Anh - 21:33, 16/11/2022\n\n" + lead)
    assert (draft.source.published, draft.source.published_quote) == ("2022-11-16", "Thùy Anh - 21:33, 16/11/2022")
    assert [v.date_start for v in draft.visits] == ["2022-11-16"]
    assert draft.source.title == "Ngày hội Đại đoàn kết xã Mường Sang"  # not the bar's line
    assert draft_of(bar + title + "Thứ 2, 16/11/2022 | 21:33\n\n" + lead).source.published == "2019-08-23"


def test_a_sites_bar_is_not_the_headline_whose_figure_the_lead_states_again():
    """mu10: the site's bar "Thứ Tư, ngày 20/06/2018 03:36 AM (GMT+7)" was taken for the headline, so the real
    headline's "1-2%" was read as a figure of the text beside the lead's own "1-2%": the same figure twice."""
    text = (
        "Thứ Tư, ngày 20/06/2018 03:36 AM (GMT+7)\nThứ Năm, ngày 23/01/2014 08:41 AM (GMT+7)\n\n"
        "Phú Thọ: Trích ngân sách 1-2% bổ sung Quỹ Hỗ trợ nông dân\n\n"
        "Bà Hà Thị Hương - Chủ tịch Hội nông dân tỉnh cho biết, theo nghị quyết liên tịch giữa Hội và UBND tỉnh, từ "
        "năm 2014, mỗi năm ngân sách tỉnh trích 1-2% bổ sung vào tăng trưởng Quỹ hỗ trợ nông dân (HTND).\n"
    )
    assert values(draft_of(text)) == [1, 2]


def test_the_months_a_plans_sentence_reviews_give_the_year():
    """zd04: "… tình hình … 9 tháng năm 2021 và phương hướng 3 tháng cuối năm 2021" was left out whole as a plan's
    sentence, and "Chiều 12.10" had no year; a plan's own year still gives none."""
    text = (
        "Chiều 12.10, Hội Liên hiệp Phụ nữ huyện tổ chức hội nghị tiếp xúc đối thoại với hội viên phụ nữ.\n"
        "Tại hội nghị, lãnh đạo huyện thông báo tình hình kinh tế, xã hội 9 tháng năm 2021 và phương hướng 3 tháng "
        "cuối năm 2021.\n"
    )
    assert [v.date_start for v in draft_of(text).visits] == ["2021-10-12"]
    planned = text.replace("tình hình kinh tế, xã hội 9 tháng năm 2021 và ", "")
    assert [v.date_start for v in draft_of(planned).visits] == [None]


def test_a_yearless_day_takes_the_year_of_the_anniversary_its_sentence_marks():
    """zw08: "tối 10/10, … gặp mặt … kỷ niệm 30 năm ngày truyền thống Hội (6/12/1989-6/12/2019)" beside "Đại hội
    thi đua … giai đoạn 2019-2024", which alone had put the day in the span's last year."""
    text = (
        "Nhân Đại hội thi đua Cựu chiến binh gương mẫu lần thứ 6 giai đoạn 2019-2024, tối 10/10, tại thành phố Tam Kỳ "
        "đã diễn ra buổi gặp mặt kỷ niệm 30 năm ngày truyền thống Hội Cựu chiến binh Việt Nam (6/12/1989-6/12/2019).\n"
    )
    visit = draft_of(text).visits[0]
    assert visit.date_start == "2019-10-10"
    assert visit.date_note.endswith("năm 2019 suy ra vì câu nêu dịp kỷ niệm năm 2019.")


def test_a_celebration_days_from_its_anniversary_takes_that_anniversarys_year():
    """Tuning sb12: "Sáng 5-12, Hội CCB quận Liên Chiểu tổ chức lễ kỷ niệm 30 năm … (6-12-1989 - 6-12-2019) và phát
    động phong trào thi đua năm 2020" is held the day before the anniversary, in 2019 (the year the sentence names
    for the emulation ahead had been taken); a day months from the anniversary keeps the sentence's year."""
    text = (
        "Sáng 5-12, Hội Cựu chiến binh (CCB) quận Liên Chiểu tổ chức lễ kỷ niệm 30 năm Ngày thành lập Hội CCB Việt Nam "
        "(6-12-1989 - 6-12-2019) và phát động phong trào thi đua năm 2020.\n"
    )
    visit = draft_of(text).visits[0]
    assert visit.date_start == "2019-12-05"
    assert visit.date_note.endswith("năm 2019 suy ra vì câu nêu dịp kỷ niệm ngày 06/12/2019.")
    visit = draft_of(text.replace("Sáng 5-12", "Sáng 5-3")).visits[0]
    assert visit.date_start == "2020-03-05"


def test_a_dot_typed_without_its_space_ends_a_sentence():
    """mg05: "… giai đoạn 2006-2010.Được thành lập năm 2001, …" was one sentence, so the congress also took 2001;
    "TP.Hồ Chí Minh", "tp.Hà Nội", "1.973" and a web address stay whole."""
    text = "Đại hội thi đua lần thứ nhất giai đoạn 2006-2010.Được thành lập năm 2001, hội phát triển mạnh."
    assert [s.text for s in split_sentences(Span(0, len(text), text))] == [
        "Đại hội thi đua lần thứ nhất giai đoạn 2006-2010.",
        "Được thành lập năm 2001, hội phát triển mạnh.",
    ]
    text = "Tại TP.Hồ Chí Minh, tp.Hà Nội có 1.973 hội viên, xem baomoi.com.vn."
    assert [s.text for s in split_sentences(Span(0, len(text), text))] == [text]
    text = (
        "Sáng 2-10, Hội Khuyến học tỉnh tổ chức Đại hội thi đua giai đoạn 2006-2010.Được thành lập năm 2001, hội lớn.\n"
    )
    assert [v.date_start for v in draft_of(text).visits] == ["2010-10-02"]


def test_a_conference_of_a_periods_exemplars_is_held_in_its_last_year():
    """lu12: "Hội nghị điển hình tiên tiến … giai đoạn 2015- 2020" honours a period just closed, as a review does (H4;
    p155, named "Contrary" there, had left such a day undated)."""
    text = (
        "Sáng 31/7, Liên đoàn Lao động tỉnh Gia Lai tổ chức Hội nghị điển hình tiên tiến trong công nhân, viên chức, "
        "lao động tỉnh Gia Lai lần thứ V, giai đoạn 2015- 2020.\n"
    )
    assert [v.date_start for v in draft_of(text).visits] == ["2020-07-31"]


def test_a_students_unions_recent_launch_is_dated_by_the_page():
    """Tuning bs03: "Ban Thư ký Hội Sinh viên (SV) tỉnh vừa tổ chức phát động chiến dịch Xuân tình nguyện …" under
    "Cập nhật: 07-01-2023": the students' union was no body, so the lead's gathering had none and no date."""
    text = (
        "Sinh viên tương thân, tương ái\n\nCập nhật: 07-01-2023 | 05:53:37\n\n"
        "Ban Thư ký Hội Sinh viên (SV) tỉnh vừa tổ chức phát động chiến dịch Xuân tình nguyện trong SV năm 2023 với "
        "chủ đề “SV Bình Dương phát huy tinh thần tương thân, tương ái”.\n"
    )
    visits = draft_of(text).visits
    assert [(v.date_start, v.body) for v in visits] == [("2023-01-07", "Hội Sinh viên (SV) tỉnh")]


def test_a_gathering_told_by_its_guests_is_dated_by_the_page():
    """Tuning cu03, in08, ia01: a page that opens on its guests ("Dự chương trình có ông …", "Tham dự có …") reports a
    gathering held, though it names none; the page dates it (H1)."""
    text = (
        " date 2026-01-23 Trao quà Tết cho người dân khó khăn trên địa bàn xã Chân Mây - Lăng Cô\n\n"
        "Dự chương trình có ông Vũ Thanh Lưu, Phó Chủ tịch Trung ương Hội Chữ thập đỏ Việt Nam; ông Dương Đình Luân, "
        "Phó Chủ tịch Ủy ban Mặt trận Tổ quốc Việt Nam thành phố.\n"
    )
    assert [v.date_start for v in draft_of(text).visits] == ["2026-01-23"]
    assert draft_of(text.replace("Dự chương trình có", "Chương trình mời")).visits == []
    # ld01: the team's members listed, "Cùng đi trong đoàn có các đồng chí: …"
    team = text.replace("Dự chương trình có", "Cùng đi trong đoàn có")
    assert [v.date_start for v in draft_of(team).visits] == ["2026-01-23"]


@pytest.mark.parametrize(
    "opening",
    [
        # tuning jn09, ah09, ms06: a sports meet, a camp, a festival are gatherings as a "ngày hội" is
        "Hội LHPN TP Cà Mau phối hợp với Liên đoàn Lao động thành phố tổ chức Hội thao chào mừng Ngày Phụ nữ Việt Nam.",
        "Huyện đoàn tổ chức Hội trại tòng quân cho thanh niên lên đường nhập ngũ.",
        "Lễ hội Xuân Hồng diễn ra tại xã Phúc Thịnh với gần 300 đơn vị máu được hiến tặng.",
    ],
)
def test_a_sports_meet_a_camp_and_a_festival_are_gatherings_the_page_dates(opening):
    text = f" date 2023-10-16 {opening}\n"
    assert [v.date_start for v in draft_of(text).visits] == ["2023-10-16"]


def test_a_campaigns_span_of_months_without_its_year_takes_the_pages():
    """Tuning ea07, fd03, cm01: "… xuyên suốt từ tháng 7 đến hết tháng 8 tại địa bàn TP. Sóc Trăng" was not read
    without its year; a launch and the campaign it opens are two events (conventions §2). Not "6 tháng" counted, not a
    habit ("từ tháng 7 đến tháng 8 hằng năm")."""
    text = (
        " date 2020-07-06 Sáng 5/7, Thành đoàn tổ chức lễ ra quân chiến dịch Mùa hè xanh. Chiến dịch diễn ra từ tháng "
        "7 đến hết tháng 8 tại địa bàn thành phố với nhiều hoạt động tình nguyện.\n"
    )
    visits = draft_of(text).visits
    assert [(v.date_start, v.date_end, v.date_precision) for v in visits] == [
        ("2020-07-05", None, "day"),
        ("2020-07-01", "2020-08-31", "month"),
    ]
    assert [h.day for h in find_dates("tổ chức từ tháng 7 đến tháng 8 hằng năm", default_year=2020)] == []


def test_a_month_a_text_plans_ahead_gives_its_year_to_the_days_before_it():
    """Round 57's fr07: no publication date, no year but "đợt 2 dự kiến sẽ tổ chức vào tháng 9/2023"; "Ngày 14/4"
    before it is of 2023. A day after the planned month gets no year from it."""
    text = (
        "Ngày 14/4, Ban Chỉ đạo vận động hiến máu tình nguyện huyện Đakrông phối hợp với Trung tâm Huyết học Truyền "
        "máu khu vực miền Trung tổ chức Ngày hội hiến máu tình nguyện đợt 1.\n"
        "Được biết, hằng năm huyện Đakrông tổ chức 2 đợt hiến máu tình nguyện, đợt 2 dự kiến sẽ tổ chức vào tháng "
        "9/2023.\n"
    )
    visits = draft_of(text).visits
    assert visits[0].date_start == "2023-04-14"
    assert visits[0].date_note.endswith("năm 2023 suy ra từ tháng 9/2023 bài nói sẽ tổ chức.")
    assert draft_of(text.replace("Ngày 14/4", "Ngày 14/12")).visits[0].date_start is None


def test_a_notice_given_on_a_day_is_no_gathering():
    """Round 57's fk08: "Ngày 22/3, Ban Vận động Quỹ … thông báo về việc phân bổ chỉ tiêu vận động …, xây dựng nhà"
    dated a notice, not a gathering."""
    text = (
        "Ngày 22/3/2023, Ban Vận động Quỹ “Vì người nghèo” tỉnh Quảng Trị thông báo về việc phân bổ chỉ tiêu vận động "
        "ủng hộ Quỹ “Vì người nghèo”, hỗ trợ xây dựng nhà và mô hình sinh kế năm 2023.\n"
    )
    assert [v.date_start for v in draft_of(text).visits] == []
    held = text.replace("thông báo về việc phân bổ", "tổ chức hội nghị phân bổ")
    assert [v.date_start for v in draft_of(held).visits] == ["2023-03-22"]


def test_an_honour_for_years_counted_is_held_in_their_last_year():
    """Round 57's fn05: "Hôm 17/10, Quảng Ninh tổ chức Hội nghị biểu dương … có thành tích xuất sắc trong hai năm
    2015-2016", as "giai đoạn 2015-2016" (H4)."""
    text = (
        "Hôm 17/10, Quảng Ninh tổ chức Hội nghị biểu dương người có uy tín tiêu biểu trong đồng bào dân tộc thiểu số "
        "lần thứ 12, trao tặng bằng khen cho 22 vị già làng có thành tích xuất sắc trong hai năm 2015-2016.\n"
    )
    visits = draft_of(text).visits
    assert [v.date_start for v in visits] == ["2016-10-17"]
    assert "2015–2016" in visits[0].date_note


def test_classes_opened_on_their_days_are_an_event():
    """Round 57's ex06: "Từ ngày 16/4/2019 đến ngày 26/4/2019, Hội Nông dân tỉnh Cà Mau đồng loạt triển khai các lớp
    bồi dưỡng …" had no event word; a class opened or closed is a gathering ("khai giảng lớp", "mở 01 lớp")."""
    text = (
        "Từ ngày 16/4/2019 đến  ngày 26/4/2019, Hội Nông dân tỉnh Cà Mau đồng loạt triển khai các lớp bồi dưỡng chủ "
        "trương, chính sách pháp luật cho đội ngũ cán bộ Hội Nông dân cơ sở.\n"
    )
    assert [(v.date_start, v.date_end) for v in draft_of(text).visits] == [("2019-04-16", "2019-04-26")]
    opened = "Ngày 23/03/2014, Đoàn xã Xuân Quang mở 01 lớp bồi dưỡng đối tượng Đảng cho 35 đoàn viên.\n"
    assert [v.date_start for v in draft_of(opened).visits] == ["2014-03-23"]


def test_an_emulation_congress_named_for_the_span_it_opens_is_held_as_the_span_it_reviews_closes():
    """Round 57's fa02: "Chiều 14/10, … phiên trù bị Đại hội thi đua … lần thứ V, giai đoạn 2024 - 2029", whose
    congress "tổng kết … trong 5 năm (giai đoạn 2019 - 2024)", had been put in 2029; alone, the named span stays a
    review's (the day in its last year)."""
    named = (
        "Chiều 14/10, tại Trung tâm Hội nghị tỉnh, Hội Cựu chiến binh tỉnh tổ chức phiên trù bị Đại hội thi đua yêu "
        "nước “Cựu chiến binh gương mẫu” lần thứ V, giai đoạn 2024 - 2029.\n"
    )
    reviewed = (
        "Đại hội nhằm tổng kết, đánh giá kết quả của phong trào thi đua đã được phát động, triển khai trong 5 năm "
        "(giai đoạn 2019 - 2024); đề ra phương hướng, nhiệm vụ trong thời gian tới.\n"
    )
    visits = draft_of(named + reviewed).visits
    assert [v.date_start for v in visits] == ["2024-10-14"]
    assert visits[0].date_note.endswith("mở giai đoạn 2024–2029 diễn ra vào năm 2024.")
    assert [v.date_start for v in draft_of(named).visits] == ["2029-10-14"]


def test_a_congress_named_for_a_span_that_opens_where_a_span_the_text_names_closes_is_held_in_that_year():
    """Round 70's rz06: "Sáng 10/10, Đoàn đại biểu tham dự Đại hội thi đua … lần thứ VII, giai đoạn 2024 - 2029 …",
    whose text also names "phong trào thi đua … giai đoạn 2019 - 2024" (no review word), had been put in 2029. A
    review of a span stays in its last year even when the text names the span before it (qrp05)."""
    named = (
        "Sáng 10/10, Đoàn đại biểu tham dự Đại hội thi đua yêu nước “Cựu chiến binh gương mẫu” tỉnh lần thứ VII, giai "
        "đoạn 2024 - 2029 đã đến dâng hương tại Khuôn viên lưu niệm Chủ tịch Hồ Chí Minh.\n"
    )
    before = "Hội CCB tỉnh được tặng cờ Đơn vị xuất sắc trong phong trào thi đua “CCB gương mẫu” giai đoạn 2019-2024.\n"
    visits = draft_of(named + before).visits
    assert [v.date_start for v in visits] == ["2024-10-10"]
    assert visits[0].date_note.endswith("mở giai đoạn 2024–2029 diễn ra vào năm 2024.")
    review = (
        "Ngày 29-7, Hội Nông dân huyện tổ chức hội nghị tổng kết phong trào nông dân thi đua sản xuất, kinh doanh giỏi "
        "giai đoạn 2017-2022.\nSố hộ đạt danh hiệu tăng so với giai đoạn 2012-2017.\n"
    )
    assert [v.date_start for v in draft_of(review).visits] == ["2022-07-29"]


def test_a_review_of_a_bracketed_span_is_held_in_its_last_year():
    """Round 44's p1543: "tổng kết phong trào … lần thứ VI (2003-2007)", like "giai đoạn 2003-2007"."""
    text = (
        "(ĐN) - Ngày 12-9, Hội nông dân tỉnh tổ chức hội nghị tổng kết phong trào nông dân sản xuất, kinh doanh giỏi "
        "lần thứ VI (2003-2007).\n"
    )
    visits = draft_of(text).visits
    assert [v.date_start for v in visits] == ["2007-09-12"]
    assert "2003–2007" in visits[0].date_note


def test_a_congress_ahead_gives_its_terms_first_year_only_to_the_first_half_year_and_one_hailed_in_any_month():
    """Round 45's p1573: "ngày 6.9, … tiến tới chào mừng Đại hội … nhiệm kỳ 2019 – 2024" was work of 2018, the
    congress a year away; p387's "Chiều 5/4, … chào mừng Đại hội … nhiệm kỳ 2019 - 2024" was in 2019."""
    ahead = (
        "Nhằm tiến tới chào mừng Đại hội Mặt trận Tổ quốc Việt Nam các cấp nhiệm kỳ 2019 – 2024, ngày 6.9, Ban Thường "
        "trực Ủy ban MTTQ xã Tân Thành tổ chức khánh thành công trình thắp sáng đường quê.\n"
    )
    assert [v.date_start for v in draft_of(ahead).visits] == [None]  # the work, its year not given
    spring = (
        "Chiều 5/4, Ủy ban MTTQ Việt Nam tỉnh tổ chức Lễ phát động thi đua lập thành tích chào mừng Đại hội đại biểu "
        "MTTQ Việt Nam các cấp nhiệm kỳ 2019 - 2024.\n"
    )
    visits = draft_of(spring).visits
    assert [v.date_start for v in visits] == ["2019-04-05"]
    assert "chào mừng đại hội" in visits[0].date_note
    # the term named in another sentence of the text (round 46's p1625)
    handover = (
        "(NTO) Chiều ngày 7-4, Ủy ban MTTQVN huyện Ninh Phước tổ chức lễ bàn giao nhà Đại đoàn kết cho 5 hộ nghèo.\n"
        "Đây là một trong những hoạt động thiết thực của Ủy ban MTTQVN huyện hướng tới chào mừng Đại hội Đảng bộ huyện "
        "Ninh Phước lần thứ XI, nhiệm kỳ 2015-2020.\n"
    )
    assert [v.date_start for v in draft_of(handover).visits] == ["2015-04-07"]
    # a congress hailed once held ("chào mừng thành công Đại hội"), in any month: its term has begun (ob03; eleven
    # tuning texts that hail a congress so date their work in the term's first year)
    hailed = (
        "Ngày 23-10, Thành đoàn Biên Hòa tổ chức chương trình Ngày thanh niên cùng hành động chào mừng thành công Đại "
        "hội đại biểu Đoàn TNCS Hồ Chí Minh tỉnh Đồng Nai lần thứ X, nhiệm kỳ 2022-2027.\n"
    )
    assert [(v.date_start, "đã thành công" in v.date_note) for v in draft_of(hailed).visits] == [("2022-10-23", True)]


def test_a_sentence_of_a_day_alone_opens_the_next():
    """Round 45's p1577: "Sáng ngày 7 tháng 10 năm 2021. Tại ấp Cái Tắc, Hội … ra quân …"."""
    text = (
        "Sáng ngày 7 tháng 10 năm 2021. Tại ấp Cái Tắc, Hội Liên hiệp phụ nữ xã Mỹ Thạnh ra quân trồng 150 cây xanh.\n"
    )
    assert [s.text for s in prepare(text).sentences()] == [text.strip()]
    assert [v.date_start for v in draft_of(text).visits] == ["2021-10-07"]
    assert [s.text for s in prepare("Có 12. Hội họp.\n").sentences()] == ["Có 12.", "Hội họp."]
    # … with its hour, under a headline that names the gathering's month (fresh text te05)
    timed = (
        "Phường 6 – Hội Nghị nhân dân tháng 3 năm 2022\n\n"
        "Vào lúc 18 giờ 00 ngày 24/3/2022. Ban Thường trực Mặt trận Tổ quốc Việt Nam Phường phối hợp Ủy ban nhân dân "
        "Phường tổ chức Hội nghị Nhân dân Tháng 3 năm 2022.\n"
    )
    assert len(prepare(timed).sentences()) == 2
    assert event_keys(draft_of(timed)) == {"2022-03-24"}
    # … with its place (round 46's p1611, and p832)
    placed = "Ngày 30/10/2014 tại thôn Tân Xương II xã Suối Cát. Đoàn thanh niên huyện đã bàn giao nhà nhân ái.\n"
    assert [v.date_start for v in draft_of(placed).visits] == ["2014-10-30"]
    # … after "hôm nay" or a weekday (fresh tuning texts h303, iq03)
    today = (
        "Sáng hôm nay ngày 30/5/2019. Tổ liên gia anh Nguyễn Văn Trung cùng nhau ra quân đổ được 100m đường bê tông.\n"
    )
    weekday = "Sáng ngày thứ sáu ngày 10 tháng 8 năm 2018. Hội Chữ thập đỏ Thị xã Phú Mỹ tổ chức hội thi Sơ cấp cứu.\n"
    assert [len(prepare(t).sentences()) for t in (today, weekday)] == [1, 1]
    assert [event_keys(draft_of(t)) for t in (today, weekday)] == [{"2019-05-30"}, {"2018-08-10"}]
    # … or its place a sentence of its own (fresh text vh11)
    apart = (
        "Sáng ngày 20/6/2021. Tại hội trường UBND xã. Hội Cựu TNXP xã Vĩnh Hưng long trọng tổ chức Đại hội Hội Cựu "
        "TNXP xã lần thứ IV, Nhiệm kỳ 2021 - 2026.\n"
    )
    assert [v.date_start for v in draft_of(apart).visits] == ["2021-06-20"]
    # … and a span alone (fresh tuning text tw08)
    span = (
        "Từ ngày 21/02 đến ngày 28/02/2023. Đảng ủy, Ủy ban Mặt trận Tổ quốc Phường 1 tổ chức khảo sát tình hình "
        "thực tế tại 6/6 khu phố.\n"
    )
    assert [(v.date_start, v.date_end) for v in draft_of(span).visits] == [("2023-02-21", "2023-02-28")]


def test_the_day_a_law_takes_effect_is_no_gathering():
    """Round 45's p1581 (its "hiệu lực lực" as the page wrote it)."""
    text = (
        "Ngày 11/9/2023, Uỷ ban MTTQ tỉnh tổ chức hội nghị tuyên truyền pháp luật tại xã Liên Bão (huyện Tiên Du).\n"
        "Toàn cảnh hội nghị\n"
        "Tại hội nghị, đồng chí Lê Đức Kỳ, Phó Chủ tịch TT Uỷ ban MTTQ tỉnh đã Tuyên truyền về những điểm mới của Luật "
        "Thực hiện dân chủ ở cơ sở được Quốc hội khóa XV thông qua và có hiệu lực lực từ ngày 1/7/2023; Nghị định số "
        "59/2023/NĐ-CP ngày 14 tháng 8 năm 2023 về Quy định chi tiết một số điều của luật.\n"
    )
    assert [v.date_start for v in draft_of(text).visits] == ["2023-09-11"]


def test_drafts_to_be_put_to_a_congress_are_no_gathering():
    """Round 45's p1585: the page's date is not the day of a congress still to come."""
    text = (
        " date 2025-11-08 Hướng tới Đại hội XIV của Đảng, những ngày này cán bộ, đảng viên và nhân dân tỉnh Cà Mau đã "
        "thảo luận, góp ý sôi nổi vào các dự thảo văn kiện trình Đại hội.\n"
    )
    assert draft_of(text).visits == []


def test_a_span_of_days_on_a_short_line_is_no_publication_date():
    """Round 43's p1509, its lines broken by the page: "Ngày 26 và 27/7/2023, Ban" alone on a line opens an event's
    sentence; a page's stamp is one day."""
    text = "Ngày Thương binh - Liệt sỹ\nNgày 26 và 27/7/2023, Ban\nThường vụ Huyện đoàn tổ chức Lễ thắp nến tri ân.\n"
    assert draft_of(text).source.published is None
    assert draft_of(text.replace("26 và 27/7/2023", "27/7/2023")).source.published == "2023-07-27"


def test_a_stamp_named_at_the_end_of_the_title_line_is_the_publication_date():
    """A page that prints "Ngày cập nhật 29/11/2022" after its title: that is the stamp, not a gathering on the 29th,
    and the yearless "các ngày 12 và 13 tháng 11 vừa qua" takes its year."""
    text = (
        "Các TDP trên địa bàn phường Tứ Hạ tổ chức ngày Hội đại đoàn kết dân tộc năm 2022 Ngày cập nhật 29/11/2022\n"
        "Vào các ngày 12 và 13 tháng 11 vừa qua, Ban công tác mặt trận, cán bộ và nhân dân các TDP trên địa bàn "
        "phường Tứ Hạ đã long trọng tổ chức Lễ kỷ niệm và Ngày hội đại đoàn kết toàn dân tộc.\n"
    )
    draft = draft_of(text)
    assert draft.source.published == "2022-11-29"
    assert event_keys(draft) == {"2022-11-12..2022-11-13"}
    assert draft_of("Hội nghị sơ kết công tác Mặt trận\nNgày đăng: 12/05/2021\n").source.published == "2021-05-12"


def test_a_sites_stamp_after_its_words_and_a_day_typed_with_a_space_after_the_dash():
    """Fresh text va12: "quantri gửi vào T6, 2018-03-09 14:35" is the page's stamp, and "Ngày 9- 3" its day."""
    text = (
        "Đại hội Đại biểu Hội Nông dân xã Trù Hựu lần thứ X\n\n"
        "quantri gửi vào T6, 2018-03-09 14:35\n\n"
        "Ngày 9- 3, Hội Nông dân xã Trù Hựu tổ chức Đại hội đại biểu lần thứ X, nhiệm kỳ (2018- 2023).\n"
    )
    draft = draft_of(text)
    assert (draft.source.published, event_keys(draft)) == ("2018-03-09", {"2018-03-09"})
    assert [h.day for h in find_dates("Đoàn có 9- 3 người", default_year=2020)] == []  # no day word: no day


def test_a_day_a_figure_is_counted_to_on_a_short_line_is_no_publication_date():
    """Fresh text uy13: "đến tại thời điểm 30/6/2021 là 286.813.000 đ." is the text's stock on that day, not the
    page's stamp (which took the line's figure with it and dated the conference by it)."""
    text = (
        "Hội Nông dân xã Đông Hòa sơ kết công tác hội 6 tháng đầu năm.\n"
        "Tổng quỹ hội, quỹ chi hội đến tại thời điểm 30/6/2021 là 286.813.000 đ.\n"
    )
    draft = draft_of(text)
    assert draft.source.published is None and [o.value for o in draft.observations] == [286_813_000]
    assert (
        draft_of("Hội nghị sơ kết công tác hội\nCập nhật lúc 09:15 ngày 30/6/2021\n").source.published == "2021-06-30"
    )


@pytest.mark.parametrize(
    ("text", "published", "events"),
    [
        # fresh text uk13: the page repeats its title with the stamp in brackets; the undated title is then no second
        # gathering beside the one the text dates
        (
            'Ủy ban MTTQVN phường Cẩm An tổ chức Hội nghị “Đối thoại trực tiếp với nhân dân năm 2022"\n'
            'Ủy ban MTTQVN phường Cẩm An tổ chức Hội nghị “Đối thoại trực tiếp với nhân dân năm 2022" (22/08/2022)\n'
            "Vào sáng ngày 12/8/2022, tại hội trường UBND phường, Ban thường trực Ủy ban MTTQVN phường Cẩm An tổ chức "
            "Hội nghị đối thoại trực tiếp giữa người đứng đầu cấp ủy với nhân dân.\n",
            "2022-08-22",
            {"2022-08-12"},
        ),
        # tuning texts qsr03 and nf02 (one site): a title longer than a sentence's 80 characters with the day after its
        # last word, not a second congress on the 9th
        (
            "Tin tức Tin hoạt động\n"
            "Hội Chữ thập đỏ tỉnh Bến Tre tổ chức thành công Đại hội đại biểu Hội Chữ thập đỏ lần thứ VII nhiệm kỳ "
            "2022 – 2027 09/06/2022\n\n"
            "Chiều ngày 06 và sáng ngày 07 tháng 6 năm 2022, Hội Chữ thập đỏ tỉnh Bến Tre tổ chức Đại hội đại biểu Hội "
            "Chữ thập đỏ tỉnh lần thứ VII, nhiệm kỳ 2022 – 2027.\n",
            "2022-06-09",
            {"2022-06-06..2022-06-07"},
        ),
        # a date in brackets inside a sentence stays the sentence's
        (
            "Hội nghị sơ kết công tác Mặt trận\nHội nghị sơ kết 6 tháng đầu năm của Ủy ban MTTQ tỉnh (22/08/2022) có "
            "120 đại biểu dự, bàn nhiệm vụ 6 tháng cuối năm.\n",
            None,
            {"2022-08-22"},
        ),
        # a day a word gives to something closing the title stays an event
        (
            "Tin tức Tin hoạt động\n"
            "Ủy ban MTTQ huyện Mỹ Lộc tổ chức Ngày hội Đại đoàn kết toàn dân tộc ở các khu dân cư trên địa bàn huyện "
            "vào ngày 16/11/2018\n",
            None,
            {"2018-11-16"},
        ),
        # and a holiday the title names (tuning text v302) is no stamp
        (
            "Xã Thống Nhất tổ chức thành công chương trình giao lưu văn nghệ chào mừng kỷ niệm 78 năm ngày cách mạng "
            "tháng Tám và Quốc khánh 02/9 năm 2023\nTối 20.8 Hội nông dân xã Thống Nhất tổ chức giao lưu văn nghệ.\n",
            None,
            {"2023-08-20"},
        ),
    ],
)
def test_a_title_line_closing_on_its_date_gives_the_publication_date(text, published, events):
    draft = draft_of(text)
    assert (draft.source.published, event_keys(draft)) == (published, events)


def test_a_gathering_the_page_dates_gives_way_to_its_own_written_day():
    """Fresh text uf10: the title "Hậu giám sát … năm 2019" on a page of 21/07/2020 is the supervision the text dates
    "Ngày 15/7/2020, Đoàn giám sát … đến làm việc": one event, and the source's notes say why the other went."""
    draft = extract_file(ROOT / "tests" / "fixtures" / "ingest" / "articles" / "uf10.txt", None)
    assert (draft.source.published, event_keys(draft)) == ("2020-07-21", {"2020-07-15"})
    # dropped by the rule (its own day written elsewhere) or, first, by the event model: either way the notes say so
    assert any(n.startswith("Bỏ sự kiện") and "(“Hậu giám sát" in n for n in draft.source.notes)


def test_a_history_of_a_bodys_congresses_is_no_gathering_of_the_page():
    """Tuning texts to06 and cm03: a page headed "… qua các kỳ Đại hội" or "CÁC KỲ ĐẠI HỘI …" tells the congresses of a
    body's history; the page's day is none of theirs."""
    history = (
        "Giới thiệu Mặt trận Tổ quốc Việt Nam tỉnh Tuyên Quang qua các kỳ Đại hội\n\n"
        "Thứ Tư, 22/2/2017 - 15:37 Đã xem: 13046\n\n"
        "MẶT TRẬN TỔ QUỐC VIỆT NAM TỈNH TUYÊN QUANG QUA CÁC KỲ ĐẠI HỘI\n\n"
        "Đại hội đã bầu Ủy ban Mặt trận tỉnh gồm 31 vị và tổ chức thành công các phong trào thi đua.\n"
    )
    draft = draft_of(history)
    assert (draft.source.published, event_keys(draft)) == ("2017-02-22", set())


def test_a_leaders_session_receiving_citizens_is_a_gathering():
    """Tuning texts ah08 and ib01: "Theo kế hoạch, ngày 15/6/2018, Bí thư Tỉnh ủy … tiếp công dân huyện Đông Hải" and
    "Bí thư Tỉnh ủy tiếp dân định kỳ vào ngày 15/8" are sessions held with the people; the office "Ban Tiếp công dân
    tỉnh" that signs a programme is none."""
    planned = (
        "Lãnh đạo tỉnh tiếp công dân định kỳ tháng 6/2018\nThứ Năm, 14/06/2018 | 15:02\n"
        "Sáng 14/6/2018, Bí thư Tỉnh ủy và Chủ tịch UBND tỉnh tổ chức tiếp công dân TP. Bạc Liêu tại trụ sở tiếp công "
        "dân tỉnh.\nTheo kế hoạch, ngày 15/6/2018, Bí thư Tỉnh ủy và Chủ tịch UBND tỉnh cùng các sở, ban ngành, địa "
        "phương tiếp công dân huyện Đông Hải.\n"
    )
    assert event_keys(draft_of(planned)) == {"2018-06-14", "2018-06-15"}
    monthly = (
        "Bí thư Tỉnh ủy tiếp dân định kỳ vào ngày 15/8\n Ngày 10/8/2022, Ban Nội chính Tỉnh ủy ban hành Thông báo "
        "số 50 mời tiếp dân định kỳ Phiên tháng 8.\n"
    )
    assert event_keys(draft_of(monthly)) == {"2022-08-15"}
    office = (
        "Kết quả năm 2018 của tỉnh được báo cáo đầy đủ. Ngoài ra, thực hiện Chương trình phối hợp giữa Ban Tiếp công "
        "dân tỉnh và Ban Nội chính Tỉnh ủy, trong tháng 11/2018, hai cơ quan đã xử lý 12 đơn.\n"
    )
    assert event_keys(draft_of(office)) == set()


def test_the_page_day_repeated_on_its_own_line_is_no_event_once_the_gathering_is_dated():
    """Tuning text pk07: the capitalised headline "… TỔNG KẾT CÔNG TÁC NĂM 2010 …" under a stamp of 29/12/2010, the
    stamp's day again on a line of its own, then "Sáng 23/12/2010, … tổ chức Hội nghị … tổng kết": one event, the 23rd.
    The bare line was weighed for the headline's gathering; that one dated elsewhere, the line tells of nothing."""
    text = (
        "Tin Tức\nThứ 4, Ngày 29/12/2010, 08:00\n"
        "UỶ BAN MẶT TRẬN TỔ QUỐC HUYỆN HÒA THÀNH TỔNG KẾT CÔNG TÁC NĂM 2010 VÀ XÂY DỰNG CHƯƠNG TRÌNH PHỐI HỢP "
        "THỐNG NHẤT HÀNH ĐỘNG NĂM 2011\n29/12/2010\n"
        "Sáng 23/12/2010, Uỷ ban MTTQ Việt Nam huyện Hòa Thành đã tổ chức Hội nghị lần thứ 5 nhằm tổng kết công tác "
        "mặt trận năm 2010 và triển khai chương trình phối hợp thống nhất hành động năm 2011.\n"
    )
    draft = draft_of(text)
    assert (draft.source.published, event_keys(draft)) == ("2010-12-29", {"2010-12-23"})


def test_the_day_a_change_took_effect_is_no_gathering():
    """Fresh text up06: "kể từ khi chính thức đi vào hoạt động (01/7/2025)" in a congress's sentence is the day the
    merged ward's union began, not the congress, which the page dates."""
    text = (
        " date 2025-11-03 Tuổi trẻ phường Đào Viên khẳng định bản lĩnh\n\n"
        "Đoàn TNCS Hồ Chí Minh phường Đào Viên, tỉnh Bắc Ninh tổ chức Đại hội đại biểu lần thứ I\n\n"
        "Đại hội đã ôn lại chặng đường phát triển của tổ chức Đoàn từ ba xã, phường cũ trước khi sáp nhập, cùng kết "
        "quả bước đầu của Đoàn phường Đào Viên kể từ khi chính thức đi vào hoạt động (01/7/2025).\n"
    )
    assert "2025-07-01" not in event_keys(draft_of(text))


def test_a_gathering_of_a_holiday_past_is_not_dated_by_the_page():
    """Fresh text tw15: "Trong dịp Tết Nguyên đán vừa qua, … tổ chức trao 379 phần quà" on a page of 12/03/2026 was
    held at Tết, weeks before; "Ủy ban MTTQ phường vừa tổ chức trao quà" is the page's day."""
    text = (
        "Phường chăm lo cho hộ nghèo\nCập nhật: 12/03/2026 09:15\n\nTrong dịp Tết Nguyên đán vừa qua, Ủy ban MTTQVN "
        "phường tổ chức trao 379 phần quà, với tổng trị giá 189,5 triệu đồng được trích từ Quỹ Vì người nghèo.\n"
    )
    assert event_keys(draft_of(text)) == set()
    recent = text.replace(
        "Trong dịp Tết Nguyên đán vừa qua, Ủy ban MTTQVN phường tổ chức", "Ủy ban MTTQVN phường vừa tổ chức"
    )
    assert event_keys(draft_of(recent)) == {"2026-03-12"}


def test_days_listed_with_a_comma_a_week_apart_are_two_gatherings():
    """Fresh text uv08: "Trong các ngày 22, 28 tháng 10 và ngày 09 tháng 11 năm 2021" are three dialogues, not a span
    of 22 to 28 October; "Trong 2 ngày 21, 22-3-2019" is one congress of two days."""
    text = (
        "Trong các ngày 22, 28 tháng 10 và ngày 09 tháng 11 năm 2021 đồng chí Bí thư Đảng ủy xã đã tổ chức tiếp xúc, "
        "đối thoại với Nhân dân của 04 buôn trên địa bàn xã.\n"
    )
    assert {"2021-10-22", "2021-10-28"} <= event_keys(draft_of(text))
    assert "2021-10-22..2021-10-28" not in event_keys(draft_of(text))
    two_days = "Trong 2 ngày 21, 22-3-2019, Đại hội MTTQ huyện Nga Sơn lần thứ XVII đã diễn ra.\n"
    assert event_keys(draft_of(two_days)) == {"2019-03-21..2019-03-22"}


def test_weekday_mismatch_lowers_confidence():
    draft = draft_of("Thứ Hai, 25/4/2024\nĐoàn khảo sát của Ban Dân vận Trung ương làm việc với Tỉnh ủy Lạng Sơn\n")
    assert draft.source.published == "2024-04-25"
    assert draft.source.confidence == 0.5
    assert "không khớp" in draft.source.published_note


def test_time_and_date_header_and_event_date():
    text = (
        "Ban Dân vận Tỉnh ủy khảo sát công tác dân vận năm 2023 tại huyện Lệ Thủy\n21:15 19/11/2023\n"
        "Ngày 16/11/2023, Ban Dân vận Tỉnh ủy đã đi khảo sát kết quả công tác dân vận năm 2023.\n"
    )
    draft = draft_of(text)
    assert draft.source.published == "2023-11-19"
    assert [v.date_start for v in draft.visits] == ["2023-11-16"]
    assert draft.visits[0].date_note is None  # the year is written: nothing inferred
    assert values(draft) == []  # 21, 15, 19/11/2023, 2023 are not measures


@pytest.mark.parametrize(("published", "expected"), [("2022-12-21", "2022-12-20"), ("2023-01-05", "2022-12-20")])
def test_date_without_year_takes_publication_year(published, expected):
    text = "Chiều ngày 20/12, Ban Dân vận Tỉnh ủy tổ chức hội nghị tổng kết công tác dân vận.\n"
    visit = draft_of(text, published=published).visits[0]
    assert visit.date_start == expected
    assert "20/12" in visit.date_note
    assert visit.confidence == 0.75


def test_date_without_year_and_without_publication_takes_the_texts_year():
    text = (
        "Chiều ngày 20/12, Ban Dân vận Tỉnh ủy tổ chức hội nghị tổng kết công tác dân vận năm 2022.\n"
        "Năm 2022, Ban Chỉ đạo các cấp đã công nhận 306 mô hình “Dân vận khéo”.\n"
    )
    draft = draft_of(text)
    assert draft.visits[0].date_start == "2022-12-20"
    assert "suy ra" in draft.visits[0].date_note
    assert draft.visits[0].confidence == 0.5


@pytest.mark.parametrize(
    ("named", "expected"),
    [
        ("Sẵn sàng đón mùa du lịch biển 2024, tuổi trẻ huyện ra quân làm sạch bờ biển.", "2024-04-14"),  # p1142
        ("Khởi động Năm Thanh niên 2011, tuổi trẻ huyện ra quân làm sạch bờ biển.", "2011-04-14"),  # p1490
        # a law's year, a term or a span names no present: the day stays undated
        ("Tuyên truyền Luật Đất đai 2024, tuổi trẻ huyện ra quân làm sạch bờ biển.", None),
        ("Thực hiện Đề án giai đoạn 2021 - 2025, tuổi trẻ huyện ra quân làm sạch bờ biển.", None),
        # two programmes of different years: none is the text's
        ("Chiến dịch Xuân tình nguyện 2024 nối tiếp Mùa hè xanh 2023, tuổi trẻ huyện ra quân.", None),
    ],
)
def test_with_no_other_year_a_yearless_day_takes_the_year_a_programme_is_named_with(named, expected):
    text = f"{named}\nSáng 14/4, Ban Thường vụ Huyện đoàn tổ chức ra quân thu gom rác thải tại bờ biển.\n"
    visit = draft_of(text).visits[0]
    assert visit.date_start == expected
    if expected:
        assert "tên chương trình" in visit.date_note


def test_a_horizon_year_is_not_the_texts_year():
    text = (
        "Sáng 14-12, Ban Thường trực Ủy ban MTTQ tỉnh tổ chức hội nghị quán triệt nghị quyết; tổng kết công tác "
        "biên tập năm 2022.\n"
        "Các chuyên đề về công nghiệp hóa đất nước đến năm 2030, tầm nhìn đến năm 2045; quy hoạch đến năm 2030.\n"
        "Từ năm 2019 đến năm 2020, cả tỉnh tổ chức 12 hội nghị.\n"
    )
    draft = draft_of(text)
    assert [v.date_start for v in draft.visits] == ["2022-12-14"]  # the text's year was 2030: 2022 was history


def test_a_leader_coming_to_congratulate_is_a_visit_and_a_count_to_a_day_is_no_event():
    text = (
        "Nhân dịp kỷ niệm 90 năm Ngày truyền thống MTTQ Việt Nam, sáng 17/11, đồng chí Chủ tịch UBND tỉnh tới chúc "
        "mừng Ủy ban MTTQ Việt Nam tỉnh.\n"
        "Đến hết ngày 20-10, có 135/135 (100%) đơn vị cấp xã tổ chức thành công Đại hội MTTQ cấp xã.\n"
    )
    assert [v.date_start for v in draft_of(text, published="2020-11-17").visits] == ["2020-11-17"]


def test_a_year_reviewed_and_the_next_planned_date_a_december_day_in_the_first():
    text = (
        "Sáng 29/12, tại Hà Nội, Hội nghị Đoàn Chủ tịch UBTƯ MTTQ Việt Nam chính thức khai mạc.\n"
        "Hội nghị đánh giá công tác Mặt trận năm 2015 và đề ra chương trình phối hợp trong năm 2016.\n"
    )
    assert [v.date_start for v in draft_of(text).visits] == ["2015-12-29"]
    assert [v.date_start for v in draft_of(text.replace("29/12", "8/1")).visits] == ["2016-01-08"]


def test_a_headline_in_capitals_names_its_year():
    """op07: "TẬP HUẤN … NĂM 2023" over "Ngày 9/5, … tổ chức Hội nghị tập huấn" and a programme "từ năm 2021 đến năm
    2025": the headline's year was not read, and a tie of four years went to the latest."""
    assert years_spoken_of("TẬP HUẤN CHO NGƯỜI CÓ UY TÍN TRONG ĐỒNG BÀO DÂN TỘC THIỂU SỐ NĂM 2023") == [2023]
    text = (
        "TẬP HUẤN CHO NGƯỜI CÓ UY TÍN NĂM 2023\n"
        "Ngày 9/5, Ủy ban MTTQ Việt Nam tỉnh Phú Yên tổ chức Hội nghị tập huấn cho người có uy tín.\n"
        "Các đại biểu được nghe về tình hình công tác dân tộc năm 2022, nhiệm vụ trọng tâm năm 2023.\n"
        "Kế hoạch của tỉnh triển khai Chương trình giai đoạn I: từ năm 2021 đến năm 2025.\n"
    )
    assert [v.date_start for v in draft_of(text).visits] == ["2023-05-09"]


def test_a_year_compared_with_is_not_a_year_the_text_speaks_of():
    """yv01: "Năm 2025, thu nhập … tăng 11,2% so với năm 2024" beside the 2025 anniversary it celebrates is a text of
    2025; counting the year compared with had made a tie of 2024 and 2025, and a November day went to 2024."""
    assert years_spoken_of("Năm 2025, thu nhập bình quân đạt 56 triệu đồng, tăng 11,2% so với năm 2024") == [2025]
    assert years_spoken_of("số hộ nghèo giảm 12 hộ so với cùng kỳ năm 2023") == []
    text = (
        "Sáng 9/11, Ủy ban MTTQ xã tổ chức Ngày hội Đại đoàn kết toàn dân tộc chào mừng kỷ niệm 95 năm Ngày thành "
        "lập Mặt trận Dân tộc thống nhất Việt Nam (18/11/2025).\n"
        "Năm 2025, thu nhập bình quân đầu người của khu đạt 56 triệu đồng, tăng 11,2% so với năm 2024.\n"
    )
    assert [v.date_start for v in draft_of(text).visits] == ["2025-11-09"]


def test_a_plenum_of_the_outgoing_term_before_its_congress_is_in_the_terms_last_year():
    """Fresh tuning text bj02: a committee's plenum of "khoá VI, nhiệm kỳ 2019 – 2024" in a text that prepares the
    congress of "nhiệm kỳ 2024 -2029" meets in the spring of 2024; in the autumn the congress may be a year away."""
    text = (
        "(backancity.gov.vn) – Chiều ngày {}, Uỷ ban MTTQ Việt Nam thành phố Bắc Kạn tổ chức hội nghị lần thứ 10, khoá "
        "VI, nhiệm kỳ 2019 – 2024.\n\nĐây là những nội dung quan trọng liên quan đến công tác chuẩn bị Đại hội đại "
        "biểu MTTQ VN thành phố khoá VII, nhiệm kỳ 2024 -2029.\n"
    )
    assert event_keys(draft_of(text.format("20/5"))) == {"2024-05-20"}
    assert event_keys(draft_of(text.format("20/9"))) == set()


def test_a_term_under_review_gives_its_last_year():
    """zj06: "Diễn ra trong hai ngày 12 và 13-4, Hội nghị … dự thảo Văn kiện Đại hội …; … tổng kết các mặt công tác của
    Đoàn nhiệm kỳ 2007-2012": the meeting reviews the term that is ending, so its year is 2012, not the term's first
    year a congress would open it in; a congress that reviews one term and names the next still opens the next."""
    sentence = (
        "Diễn ra trong hai ngày 12 và 13-4, Hội nghị nhằm tổng kết Tháng Thanh niên; thảo luận dự thảo Văn kiện Đại "
        "hội Đoàn toàn quốc lần thứ X; cho ý kiến về đề cương tổng kết các mặt công tác của Đoàn nhiệm kỳ 2007-2012."
    )
    text = f"Khai mạc Hội nghị Ban Thường vụ T.Ư Đoàn\n\n{sentence}\n"
    assert event_keys(draft_of(text)) == {"2012-04-12..2012-04-13"}
    both = "Sáng 12/4, Đại hội tổng kết nhiệm kỳ 2019-2024 và đề ra phương hướng nhiệm kỳ 2024-2029."
    assert sentence_year(find_dates(both, default_year=1900)[0], both).day == dt.date(2024, 4, 12)


def test_a_day_inside_a_congress_of_two_days_stays_beside_its_span():
    """ts01: "Sáng 19/11, Đại hội Đại biểu Mặt trận Tổ quốc (MTTQ) Việt Nam tỉnh …" inside "Trong hai ngày 18 -
    19/11, … tổ chức Đại hội": the day is kept beside the span (the tuning labels write such a day in 20 of 33 cases;
    until the sixtieth session the rules set it aside)."""
    text = (
        " date 2025-11-19 Ông Kim Ngọc Thái làm Chủ tịch Ủy ban MTTQ Việt Nam tỉnh Vĩnh Long\n\n"
        "TPO - Sáng 19/11, Đại hội Đại biểu Mặt trận Tổ quốc (MTTQ) Việt Nam tỉnh Vĩnh Long lần thứ I, nhiệm kỳ "
        "2025-2030 đã hiệp thương cử 107 người vào Ủy ban MTTQ tỉnh.\n\n"
        "Trong hai ngày 18 - 19/11, Ủy ban Mặt trận Tổ quốc (MTTQ) Việt Nam tỉnh Vĩnh Long tổ chức Đại hội Đại biểu "
        "lần thứ I, nhiệm kỳ 2025-2030.\n"
    )
    assert event_keys(draft_of(text)) == {"2025-11-18..2025-11-19", "2025-11-19"}


def test_a_headline_naming_a_field_of_work_makes_no_visit():
    text = (
        "Mặt trận và các tổ chức chính trị - xã hội làm tốt công tác giám sát\n"
        "Ủy ban MTTQ Việt Nam tỉnh Lâm Đồng thời gian qua đã tập trung chỉ đạo công tác tuyên truyền.\n"
    )
    assert draft_of(text, published="2023-12-11").visits == []
    headline = "Ủy ban MTTQ Việt Nam tỉnh Lâm Đồng giám sát việc thực hiện chính sách\n"
    assert [v.date_start for v in draft_of(headline + text, published="2023-12-11").visits] == ["2023-12-11"]
    # … as a lead does that tells of a function or of the means of a field (fresh tuning texts rs02, rq04)
    for lead in [
        "Trong 6 tháng đầu năm 2019, Mặt trận các cấp thực hiện chức năng giám sát và phản biện xã hội.",
        "Quảng Ninh thực hiện nhiều giải pháp hiệu quả trong giám sát",
    ]:
        page = f"07/07/2019\n\n{lead}\n\nỦy ban nhân dân thành phố đã tiếp thu các ý kiến.\n"
        assert draft_of(page).visits == [], lead


@pytest.mark.parametrize(
    "sentence",
    [
        "Từ ngày 1/1 đến 30/6/2024, Ban Dân vận Tỉnh ủy đã tổ chức 5 hội nghị chuyên đề.",  # a period tallied
        # three weeks in which the Front of every level held its rounds: a tally too
        "Từ ngày 12/4 đến ngày 5/5, MTTQ các cấp trong tỉnh đã tổ chức 236 cuộc giám sát về danh sách cử tri.",
        # a cut-off, no gathering
        "Sau 24h00 ngày 31/1/2024, Ban Vận động cứu trợ tỉnh sẽ dừng việc tiếp nhận ủng hộ, tổ chức phân bổ.",
        "Kể từ ngày 1/7/2025, xã Tân Lập đi vào hoạt động theo mô hình mới; Đảng ủy xã tổ chức hội nghị.",
    ],
)
def test_a_period_tallied_and_a_day_since_are_no_gatherings(sentence):
    assert draft_of(f"Kết quả công tác dân vận của tỉnh\n{sentence}\n", published="2024-07-10").visits == []


def test_a_hard_wrapped_line_goes_on_with_its_paragraph():
    text = "Kết quả giám sát\n\nNhiệm kỳ 2016-2021, Ban Thanh tra\nnhân dân tổ chức giám sát được 2.193\ncuộc;\n"
    text += "Ban giám sát\n"
    assert [p.text for p in prepare(text).paragraphs] == [
        "Kết quả giám sát",
        "Nhiệm kỳ 2016-2021, Ban Thanh tra\nnhân dân tổ chức giám sát được 2.193\ncuộc;",
        "Ban giám sát",
    ]
    assert [(o.value, o.subject) for o in draft_of(text).observations] == [(2193, "cuộc")]


def test_a_line_wrapped_after_a_quoted_name_goes_on_with_its_sentence():
    """A photographed page wrapped after “Dân vận khéo”: a closing quote ends a line only after a stop, so the 279
    are the models registered, not the models recognised of the sentence before (seen on an OCR'd photo)."""
    text = (
        "Có 202 mô hình “Dân vận khéo” được công nhận trong năm 2023.\n"
        "Năm 2023, toàn thành phố Bắc Kạn có tổng số 279 mô hình “Dân vận khéo”\n"
        "được đăng ký thực hiện.\n"
    )
    assert [p.text.replace("\n", " ") for p in prepare(text).paragraphs][1] == (
        "Năm 2023, toàn thành phố Bắc Kạn có tổng số 279 mô hình “Dân vận khéo” được đăng ký thực hiện."
    )
    assert [o.quote.endswith("được đăng ký thực hiện.") for o in draft_of(text).observations] == [False, True]
    assert [
        p.text for p in prepare("Ông nói: “Dân vận là việc của cả hệ thống.”\nnhân dân đồng tình.\n").paragraphs
    ] == [
        "Ông nói: “Dân vận là việc của cả hệ thống.”",
        "nhân dân đồng tình.",
    ]


def test_a_title_hard_wrapped_in_a_pdf_is_one_title():
    """A page printed to PDF (ub11's text): its title runs over three lines, its paragraphs set apart by blank lines.
    The title was its first line only ("Uỷ ban Mặt trận Tổ quốc Việt Nam xã")."""
    text = (
        "Uỷ ban Mặt trận Tổ quốc Việt Nam xã\nĐăk Liêng tổ chức Đại hội lần thứ X,\nnhiệm kỳ 2024 – 2029\n\n"
        "Sáng ngày 12/4, UBMTTQ VN xã Đăk Liêng long trọng tổ chức\nĐại hội đại biểu lần thứ X, nhiệm kỳ 2024-2029. "
        "Về dự Đại hội có\nđồng chí H Bình Rơ Yam – UVBTV, Chủ tịch UBMTTQ VN huyện;\ncác đồng chí lãnh đạo Đảng "
        "uỷ, HĐND, UBND, UBMTTQ VN xã\nĐăk Liêng cùng 62 đại biểu chính thức.\n\n"
        "Trong nhiệm kỳ qua, UBMTTQ VN xã Đăk Liêng đẩy mạnh\ntuyên truyền Nghị quyết Trung ương 4 khóa XI.\n"
    )
    assert (
        draft_of(text).source.title
        == "Uỷ ban Mặt trận Tổ quốc Việt Nam xã Đăk Liêng tổ chức Đại hội lần thứ X, nhiệm kỳ 2024 – 2029"
    )
    assert draft_of(text.replace("\n", "\r\n")).source.title == draft_of(text).source.title  # saved on Windows
    # a line in lower case after a clause's end ("huyện;" / "các đồng chí …") goes on with its sentence
    assert [len(p.text.splitlines()) for p in prepare(text).paragraphs] == [3, 5, 2]
    # a title whose lines go on to a stamp and a lede with no blank line is its first line (the next test)


def test_a_hard_wrapped_text_with_no_title_joins_its_first_paragraphs_next_line():
    """Round 57's fj04: a page printed with hard line breaks that opens on its lede, no title. Its first paragraph had
    been taken for a title, so its next line ("- UBND xã Cam Tuyền tổ chức chương trình …", with the verb) was a
    paragraph of its own and the day of the gathering no event."""
    text = (
        "Nhằm kịp thời động viên, chia sẻ một phần\n"
        "khó khăn đối với đồng bào dân tộc thiểu số vùng sâu vùng xa trong dịp Tết nguyên\n"
        "đán Bính Thân, ngày 23/1, Chi đoàn Báo Quảng Trị phối hợp với Huyện đoàn Cam Lộ\n"
        "- UBND xã Cam Tuyền tổ chức chương trình “Mang Tết đến Bản Chùa” lần thứ II với các hoạt\n"
        "động ý nghĩa, thăm hỏi, tặng quà Tết cho bà con nhân dân bản Chùa.\n"
    )
    assert len(prepare(text).paragraphs) == 1
    visits = draft_of(text).visits
    assert [v.date_start for v in visits] == ["2016-01-23"]
    assert visits[0].date_note.endswith("năm 2016 suy ra từ dịp năm mới 2016 nêu trong bài.")


def test_a_text_printed_with_hard_line_breaks_joins_a_line_that_opens_with_a_name():
    wrapped = (
        "Ngày Thương binh - Liệt sỹ\n"
        "29/11/2024\n"
        "Sáng 27/11/2024, Huyện đoàn Trảng Bom tổ chức tuyên truyền về truyền thống\n"
        "ngày 27/7, nhắc lại công lao của các anh hùng liệt sỹ đã hy sinh cho độc lập của\n"
        "dân tộc và hạnh phúc của nhân dân.\n"
        "Ngày 26 và 27/7/2023, Ban\n"
        "Thường vụ Huyện đoàn đã phối hợp các đơn vị tổ chức Lễ thắp nến tri ân các anh\n"
        "hùng liệt sỹ tại Nghĩa trang liệt sỹ huyện.\n"
    )
    assert [p.text.replace("\n", " ") for p in prepare(wrapped).paragraphs] == [
        "Ngày Thương binh - Liệt sỹ",  # the title stays a line of its own
        "29/11/2024",  # and so does a stamp: "Sáng 27/11/2024" opens a paragraph of its own
        "Sáng 27/11/2024, Huyện đoàn Trảng Bom tổ chức tuyên truyền về truyền thống ngày 27/7, nhắc lại công lao của "
        "các anh hùng liệt sỹ đã hy sinh cho độc lập của dân tộc và hạnh phúc của nhân dân.",
        "Ngày 26 và 27/7/2023, Ban Thường vụ Huyện đoàn đã phối hợp các đơn vị tổ chức Lễ thắp nến tri ân các anh "
        "hùng liệt sỹ tại Nghĩa trang liệt sỹ huyện.",
    ]
    assert "2023-07-26..2023-07-27" in event_keys(draft_of(wrapped))
    # a text whose lines end where its paragraphs do keeps a line that opens with a name as a paragraph
    plain = "Ngày 26 và 27/7/2023, Ban\nThường vụ Huyện đoàn tổ chức Lễ thắp nến tri ân.\n"
    assert len(prepare(plain).paragraphs) == 2


def test_a_headlines_share_is_the_bodys_fraction():
    text = (
        "An Giang: Đạt 78,94% cơ sở Hội Nông dân tổ chức Đại hội nhiệm kỳ\n"
        "Tính đến cuối tháng 2/2018, toàn tỉnh có 120/152 cơ sở Hội tổ chức Đại hội (đạt 78,94%).\n"
    )
    assert [(o.value, o.numerator, o.denominator) for o in draft_of(text).observations] == [(78.94, 120, 152)]


def test_a_count_to_a_month_a_deadline_and_a_front_named_with_its_acronym():
    text = (
        "Kết quả Đại hội Hội Nông dân cơ sở\n"
        "Tính đến cuối tháng 2/2018, toàn tỉnh có 120/152 cơ sở Hội tổ chức Đại hội.\n"
        "Ban Thường vụ Hội Nông dân tỉnh tiếp tục chỉ đạo các huyện tổ chức Đại hội dứt điểm vào cuối tháng 4/2018.\n"
        "Ngày 16/11/2018, Ủy ban Mặt trận Tổ quốc (MTTQ) Việt Nam tỉnh Điện Biên tổ chức tọa đàm.\n"
    )
    (visit,) = draft_of(text).visits
    assert (visit.date_start, visit.body) == ("2018-11-16", "Ủy ban Mặt trận Tổ quốc (MTTQ) Việt Nam tỉnh")


def test_a_titled_leader_visiting_brings_their_office_and_a_past_years_gathering_is_not_the_pages():
    head = "Hoạt động công tác dân vận trong tỉnh\n"
    text = head + (
        "Chiều 20/5, đồng chí Nguyễn Văn An, Ủy viên Ban Thường vụ, Trưởng Ban Dân vận Tỉnh ủy làm việc với Đảng ủy "
        "xã Tân Lập.\n"
    )
    assert [(v.date_start, v.body) for v in draft_of(text, published="2024-06-20").visits] == [
        ("2024-05-20", "Ban Dân vận Tỉnh ủy")
    ]
    text = head + "Năm 2023, Ban Dân vận Tỉnh ủy đã tham mưu tổ chức thành công Hội nghị tổng kết 10 năm.\n"
    assert draft_of(text, published="2024-06-20").visits == []


def test_the_fronts_member_organisations_hold_gatherings():
    text = (
        "Hoạt động hướng về cơ sở\n"
        "Sáng ngày 22/3/2025, Hội LHPN tỉnh đã phối hợp với Tỉnh Đoàn tổ chức chương trình “Phụ nữ với pháp luật”.\n"
        "Sáng ngày 7/3/2025, Ban Thường vụ Hội Nông dân huyện tổ chức hội nghị sơ kết.\n"
    )
    assert [(v.date_start, v.body, v.body_level) for v in draft_of(text).visits] == [
        ("2025-03-22", "Hội LHPN tỉnh", "province"),
        ("2025-03-07", "Ban Thường vụ Hội Nông dân huyện", "district"),
    ]
    found = measures(
        "Hội có 8 Hội NCT cấp huyện; 126 Hội NCT cấp xã và 2.420 Phân hội; hỗ trợ huyện Tây Giang 100 triệu đồng", []
    )
    assert [f.value for f in found] == [8, 126, 2420, 100_000_000]


def test_the_central_fronts_standing_committee_a_count_to_a_day_and_a_target_day():
    text = (
        "Sáng ngày 13/3/2019, Ban Thường trực Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam tổ chức hội nghị trực tuyến "
        "toàn quốc.\n"
        "Đối với tỉnh Cà Mau, đến ngày 11/3, đã có 85/101 xã tổ chức Đại hội cấp xã và phấn đấu đến 20/3/2019 sẽ hoàn "
        "tất đại hội Mặt trận cấp xã.\n"
    )
    assert [(v.date_start, v.body) for v in draft_of(text).visits] == [
        ("2019-03-13", "Ban Thường trực Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam")
    ]


def test_two_days_joined_by_and_and_deadlines_in_a_row():
    found = find_dates("Đại hội diễn ra trong 2 ngày (2/8 và 3/8). Ngày 5/6 và 20/6, đoàn làm việc", default_year=2024)
    assert [(h.day, h.end_day) for h in found] == [
        (dt.date(2024, 8, 2), dt.date(2024, 8, 3)),
        (dt.date(2024, 6, 5), None),
    ]
    # the second day after "ngày" (fresh text ve07: "Trong 2 ngày 1/2 và ngày 2/2/2021")
    (both,) = find_dates("Trong 2 ngày 1/2 và ngày 2/2/2021, BCH Đoàn xã tổ chức ra quân", default_year=1900)
    assert (both.day, both.end_day) == (dt.date(2021, 2, 1), dt.date(2021, 2, 2))
    # the days a gathering took, then its dates in brackets (qwv02, qn01, p559); not a count of workdays
    for said, first, last in [
        ("Sau 2 ngày làm việc (26 - 27/9) nghiêm túc, Đại hội bế mạc", 26, 27),
        ("Sau hai ngày làm việc (24 -25.9), Đại hội Đoàn bế mạc", 24, 25),
        ("Triển lãm tổ chức trong 2 ngày diễn ra Đại hội (1 và 2-9).", 1, 2),
    ]:
        (span,) = find_dates(said, default_year=2023)
        assert (span.day, span.end_day, span.cue) == (dt.date(2023, 9, first), dt.date(2023, 9, last), True), said
    assert find_dates("Huy động 82 ngày công (1 - 3/9) làm đường", default_year=2023) == []
    assert find_dates("kỷ niệm 81 năm ngày khai sáng đạo (18-5 Kỷ Mão – 18-5 Canh Tý)", default_year=2023) == []
    text = (
        "Kết quả công tác Mặt trận của tỉnh\n"
        "Đại hội cấp xã sẽ hoàn thành trong tháng 3-2024, cấp huyện sẽ hoàn thành trong tháng 6-2024.\n"
    )
    assert draft_of(text, published="2024-01-15").visits == []
    # a month without its year holds its "trong": "sẽ xong trong tháng 8" is a deadline all the same (mf09)
    text = (
        "Hội Khuyến học tỉnh triển khai đại hội nhiệm kỳ mới\nTheo kế hoạch của Hội Khuyến học tỉnh, Đại hội Hội "
        "Khuyến học cấp xã sẽ xong trong tháng 8; Đại hội cấp huyện tổ chức trong tháng 9 và tháng 10.2020.\n"
    )
    assert [(v.date_start, v.date_end) for v in draft_of(text, published="2020-08-05").visits] == [
        ("2020-09-01", "2020-10-31")
    ]
    # the gatherings to complete named at length between "hoàn thành" and its month (d402): a deadline still
    text = (
        "Theo kế hoạch, xã Mỹ Thạnh được huyện chọn làm điểm tổ chức Đại hội sẽ diễn ra vào đầu tháng 1 năm 2019. "
        "Theo đó, 6 ấp sẽ hoàn thành Hội nghị Ban công tác Mặt trận ấp trong tháng 12 năm 2018.\n"
    )
    assert [v.date_start for v in draft_of(text, published="2018-10-15").visits] == ["2019-01-01"]


def test_two_days_of_one_unnamed_organiser_and_an_abbreviation_in_brackets():
    text = (
        "Ngày hội Đại đoàn kết toàn dân tộc ở phường Đông Xuyên\n"
        "Ngày 15/11/2023 và 18/11/2023 tại các khóm trên địa bàn phường Đông Xuyên long trọng tổ chức Ngày hội Đại "
        "đoàn kết toàn dân tộc.\n"
    )
    assert [(v.date_start, v.body) for v in draft_of(text).visits] == [("2023-11-15", None), ("2023-11-18", None)]
    text = (
        "Tọa đàm kỷ niệm 90 năm Ngày truyền thống công tác dân vận của Đảng\n"
        "(GLO)- Chiều 15-10, tại Hội trường 2-9 (TP. Pleiku), Ban Dân vận Tỉnh ủy tổ chức tọa đàm kỷ niệm 90 năm Ngày "
        "truyền thống công tác dân vận của Đảng (15/10/1930-15/10/2020).\n"
    )
    assert [v.date_start for v in draft_of(text).visits] == ["2020-10-15"]


def test_christmas_is_no_birth_and_a_veterans_meeting_and_a_handover_are_gatherings():
    text = (
        "Thăm, chúc mừng Giáng sinh\n"
        "Nhân dịp Lễ Giáng sinh năm 2023, đón mừng năm mới 2024, chiều 11-12, đồng chí Phạm Gia Túc, Ủy viên Ban "
        "Thường vụ, Trưởng Ban Dân vận Tỉnh ủy đến thăm, chúc mừng Tòa Giám mục.\n"
    )
    assert [v.date_start for v in draft_of(text).visits] == ["2023-12-11"]
    text = "Kỷ niệm ngày thành lập Hội\nNgày 6-12, Hội Cựu chiến binh (CCB) tỉnh tổ chức gặp mặt kỷ niệm 27 năm.\n"
    assert [(v.date_start, v.body) for v in draft_of(text, published="2016-12-06").visits] == [
        ("2016-12-06", "Hội Cựu chiến binh (CCB) tỉnh")
    ]
    text = (
        "Bàn giao 45 căn nhà “Đại đoàn kết” tại huyện Tháp Mười\n"
        "ĐTO - Ủy ban Mặt trận Tổ quốc Việt Nam (MTTQVN) tỉnh vừa đến xã Hưng Thạnh trao nhà “Đại đoàn kết” cho hộ "
        "nghèo.\n"
    )
    assert [(v.date_start, v.body) for v in draft_of(text, published="2018-11-09").visits] == [
        ("2018-11-09", "Ủy ban Mặt trận Tổ quốc Việt Nam (MTTQVN) tỉnh")
    ]


def test_a_january_day_in_a_text_about_a_years_results_is_in_the_next_year():
    text = (
        "Chiều 22/01, Ban Thường trực Ủy ban MTTQ Việt Nam huyện tổ chức hội nghị triển khai kế hoạch.\n"
        "Tính đến hết năm 2024, 100% các xã trong toàn tỉnh đạt chuẩn nông thôn mới; năm 2024 là năm về đích.\n"
    )
    (visit,) = draft_of(text).visits
    assert visit.date_start == "2025-01-22"
    assert "kết quả năm 2024" in visit.date_note
    # a sentence on what the year's work did says so too (p431)
    done = (
        "Ngày 14/1, Ủy ban MTTQ huyện Quảng Ninh tổ chức Hội nghị lần thứ 13, nhiệm kỳ 2014 – 2019.\n"
        "Năm 2018, Ủy ban MTTQ huyện đã tập trung chỉ đạo Mặt trận cơ sở đổi mới phương thức hoạt động.\n"
    )
    assert [v.date_start for v in draft_of(done).visits] == ["2019-01-14"]


def test_a_new_year_wish_dates_a_december_visit_in_the_year_before():
    text = (
        "Chiều 23/12, đoàn công tác của Ủy ban MTTQ tỉnh đã đến chúc mừng các cơ sở tôn giáo nhân dịp lễ Noel.\n"
        "Đồng chí gửi lời chúc một mùa Giáng sinh an lành và năm mới 2014 an khang thịnh vượng.\n"
    )
    draft = draft_of(text)
    assert [v.date_start for v in draft.visits] == ["2013-12-23"]
    assert "năm mới 2014" in draft.visits[0].date_note
    assert values(draft) == []  # the wished year is no figure
    wished_in_january = text.replace("Chiều 23/12", "Chiều 15/1")
    assert [v.date_start for v in draft_of(wished_in_january).visits] == ["2014-01-15"]


@pytest.mark.parametrize(
    ("text", "spans"),
    [
        # nm06: a leader come "tặng hoa chúc mừng" is a visit
        (
            "Nhân kỷ niệm 27 năm ngày thành lập Hội Khuyến học Việt Nam (2/10/1996 - 2/10/2023), sáng ngày 2/10, đồng "
            "chí Trần Quốc Bảo, Phó Chủ tịch UBND huyện đã đến tặng hoa chúc mừng Hội Khuyến học huyện.\n",
            [("2023-10-02", None)],
        ),
        # iy13: "trao tặng 100 suất quà" is a handover held, as "trao quà" is
        (
            "Như vậy, trong 02 ngày 02-03/10/2024, Hội Chữ thập đỏ thành phố Hà Nội cùng Quỹ Tấm lòng vàng trao tặng "
            "100 suất quà tới người cao tuổi tại huyện Chương Mỹ.\n",
            [("2024-10-02", "2024-10-03")],
        ),
        # c302: a leader's New Year wishes at a commune, dated in a caption, are a visit
        (
            "Nhân dịp Tết Nguyên đán Canh Tý 2020, vừa qua, Bí thư Huyện ủy Khánh Vĩnh đã đến các xã.\n"
            "Đồng chí Cao Cường chúc Tết tại xã Khánh Thành ngày 15/01/2020\n",
            [("2020-01-15", None)],
        ),
        # qqt13: a delegation come "chúc tết" the province's leaders is a visit, "thăm" unsaid
        (
            " date 2021-02 (THTG) Nhân dịp Tết cổ truyền dân tộc, ngày 03-02 Tòa giám mục giáo phận Mỹ Tho, do Đức "
            "giám mục Phê rô Nguyễn Văn Khảm làm trưởng đoàn đã đến chúc tết Tỉnh ủy, HĐND, UBND tỉnh Tiền Giang.\n",
            [("2021-02-03", None)],
        ),
        # qtg08: a leader come "tham dự và chúc mừng" the Buddhists is a visit too
        (
            " date 2022-05 Nhân Đại lễ Phật đản Phật lịch 2566-Dương lịch 2022, sáng 15-5, Phó Chủ tịch UBND tỉnh Long "
            "An Phạm Tấn Hòa đã đến tham dự và chúc mừng chức sắc, tăng ni, Phật tử Giáo hội Phật giáo tỉnh Long An.\n",
            [("2022-05-15", None)],
        ),
    ],
    ids=["nm06", "iy13", "c302", "qqt13", "qtg08"],
)
def test_flowers_brought_new_year_wishes_and_gifts_counted_out_are_gatherings(text, spans):
    assert [(v.date_start, v.date_end) for v in draft_of(text).visits] == spans


def test_a_plan_approved_is_a_document_not_a_gathering():
    """v701: the day a plan is approved is a document's, not the day of the congress it plans."""
    text = (
        "Ngày 23/6/2014, UBND tỉnh đã phê duyệt Kế hoạch Đại hội đại biểu các dân tộc thiểu số tỉnh Đắk Nông lần "
        "thứ II. Ngày 22/8/2014, Ban tổ chức Đại hội tỉnh đã họp rút kinh nghiệm.\n"
    )
    assert event_keys(draft_of(text)) == {"2014-08-22"}


def test_a_visit_to_work_with_a_commune_dated_by_its_month_is_a_gathering():
    """f206: a leader who "thăm và làm việc tại xã" in a month a caption names held a gathering there, though the text
    names no body that organised it."""
    text = (
        "Đồng chí Nguyễn Phú Trọng, Ủy viên Bộ Chính trị, Chủ tịch Quốc hội khoá XI thăm và làm việc tại xã Tả Van "
        "(Sa Pa) tháng 10/2007.\n"
    )
    assert event_keys(draft_of(text)) == {"2007-10"}


def test_candidates_meeting_voters_a_plan_drawn_up_and_a_custom():
    """Fresh tuning texts of the sixty-third session."""
    # g511: candidates who "tiếp xúc trực tiếp với cử tri" over two days hold a gathering
    met = (
        "Trong hai ngày 6 và 7/3/2026, các ứng cử viên đại biểu Quốc hội đã tiếp xúc trực tiếp với cử tri các xã biên "
        "giới biển của tỉnh Quảng Ngãi.\n"
    )
    assert event_keys(draft_of(met)) == {"2026-03-06..2026-03-07"}
    # f803: the day a plan was drawn up is a document's, not the blood-donation day's
    plan = (
        "Ngày 30/12/2025, Ban chỉ đạo vận động hiến máu tình nguyện phường Thái Bình xây dựng Kế hoạch số 01, triển "
        "khai, tuyên truyền, vận động và tổ chức hiến máu tình nguyện năm 2026. Sáng ngày 18/01/2026, Hội chữ thập đỏ "
        "phường tổ chức Ngày hội hiến máu tình nguyện.\n"
    )
    assert event_keys(draft_of(plan)) == {"2026-01-18"}
    # ... and a page's stamp with its count of views, on the same line as its title, is the publication date
    stamped = "19/01/2026 | lượt xem: 717 NGÀY HỘI HIẾN MÁU TÌNH NGUYỆN NĂM 2026 " + plan
    draft = draft_of(stamped)
    assert draft.source.published == "2026-01-19"
    assert event_keys(draft) == {"2026-01-18"}
    # f602: a custom's usual month is no gathering; the festival held this year takes the page's date
    custom = (
        "Làng A Đeng 1, xã Bắc Sơn tổ chức Lễ Aza truyền thống\n08:35 | 20/11/2014\n\n"
        "Theo truyền thống Lễ hội Aza thường được tổ chức vào giữa tháng 12 dương lịch nhưng Lễ hội Aza năm nay được "
        "tổ chức sớm hơn, dưới sự chỉ đạo của Đảng ủy, UBMTTQ xã Bắc Sơn.\n"
    )
    assert event_keys(draft_of(custom)) == {"2014-11-20"}


def test_a_day_and_month_joined_by_a_dash_of_a_range_and_a_numbered_ward():
    """Fresh tuning texts g605 and g706 (sixty-third session)."""
    # "Chiều ngày 5 – 8": a day word before it makes the spaced en dash a day's, not a range of figures
    inspected = (
        "Chiều ngày 5 – 8, Ban chỉ đạo Phong trào “TDĐKXDĐVH” xã Bình Hòa đã có buổi kiểm tra việc thực hiện, xây "
        "dựng, củng cố, nâng chất Ấp văn hóa năm 2020 tại ấp Bình Phú II, xã Bình Hòa.\n"
    )
    assert event_keys(draft_of(inspected)) == {"2020-08-05"}
    assert find_dates("từ 5 – 8 người", default_year=2020) == []
    # "Phường 2 tháng 02 năm 2023" names the ward, then the month: no 2 February
    ward = "Báo cáo tình hình kinh tế – xã hội Phường 2 tháng 02 năm 2023"
    assert [(h.day.isoformat(), h.precision) for h in find_dates(ward)] == [("2023-02-01", "month")]
    assert [h.day.isoformat() for h in find_dates(ward.replace("Phường 2 ", "ngày 2 "))] == ["2023-02-02"]


def test_a_body_after_a_wards_number_holds_a_gathering(tmp_path):
    """Fresh text ju03: "… ở Phường 1 tổ chức trao tặng quà Tết": its day is weighed as one with an event verb
    (before, "1 tổ chức" was read as organisations counted, and in its text the model set the day aside)."""
    path = tmp_path / "bai.txt"
    sentence = (
        "Nhân dịp Tết Nguyên đán Giáp Thìn năm 2024 sắp tới, sáng ngày 21/1, UB MTTQ VN thành phố Tây Ninh phối hợp "
        "chùa Phổ Ninh ở Phường 1 tổ chức trao tặng quà Tết cho hộ nghèo."
    )
    path.write_text(f"Tin hoạt động\n\n{sentence}\n", encoding="utf-8")
    candidates, _ = event_examples(path, None, province=None, indicators=[])
    assert [(key, features.get("S_ev", 0.0)) for key, features in candidates] == [("2024-01-21", 1.0)]


def test_a_later_gathering_of_a_few_days_with_no_organiser_named_is_an_event_of_its_own():
    # fresh text jt07: a send-off the page dates, then the national congress the delegates go to, on its own days
    text = (
        "Gặp mặt Đoàn đại biểu dự Đại hội đại biểu toàn quốc Hội Nông dân Việt Nam lần thứ VIII\n21/12/2023 15:25\n"
        "(BNP) - Chiều 21/12, đồng chí Nguyễn Quốc Chung, Phó Bí thư Thường trực Tỉnh ủy gặp mặt Đoàn đại biểu dự Đại "
        "hội đại biểu toàn quốc Hội Nông dân Việt Nam lần thứ VIII, nhiệm kỳ 2023 - 2028.\n"
        "Đại hội đại biểu toàn quốc Hội Nông dân Việt Nam lần thứ VIII diễn ra từ ngày 25-27/12/2023 tại Trung tâm Hội "
        "nghị Quốc gia, Hà Nội.\n"
    )
    assert event_keys(draft_of(text)) == {"2023-12-21", "2023-12-25..2023-12-27"}


def test_a_bodys_review_of_its_years_work_is_a_gathering_the_page_dates():
    # fresh text ow02: the lede "Ban Đại diện … tổng kết công tác năm 2014" under a page of 14/1/2015
    text = (
        "Người cao tuổi Thái Bình phát huy vai trò\nHiện nay, tỉnh có hơn 273.000 người cao tuổi. Ban Đại diện Hội "
        "Người cao tuổi tỉnh tổng kết công tác năm 2014, triển khai nhiệm vụ năm 2015.\n"
    )
    draft = draft_of(text, published="2015-01-14")
    assert [(v.date_start, v.body) for v in draft.visits] == [("2015-01-14", "Ban Đại diện Hội Người cao tuổi tỉnh")]
    # a report of that review is a document, no gathering
    report = text.replace("Ban Đại diện Hội Người cao tuổi tỉnh tổng kết", "Báo cáo tổng kết").replace(
        "triển khai nhiệm vụ năm 2015", "nhiệm vụ năm 2015 nêu rõ kết quả"
    )
    assert draft_of(report, published="2015-01-14").visits == []


def test_a_period_under_review_is_no_gathering():
    text = (
        "Từ ngày 21 đến ngày 26/7/2021, Ban Thường trực Ủy ban MTTQ thành phố tổ chức kiểm tra tại 5 phường. "
        "Mốc thời gian kiểm tra thực hiện từ ngày 01/01/2017 đến 30/6/2021.\n"
    )
    assert [(v.date_start, v.date_end) for v in draft_of(text).visits] == [("2021-07-21", "2021-07-26")]


def test_a_span_closed_to_the_end_of_a_day_and_a_laws_date():
    text = (
        "Thực hiện kế hoạch số 02/KH-MTTQ-BTT ngày 10/01/2022 của Ban thường trực Ủy ban MTTQ quận, thành lập đoàn "
        "giám sát các trường hợp vi phạm từ ngày 03/10 đến hết ngày 07/10/2022.\n"
        "Ủy ban MTTQ thành phố tổ chức hội nghị triển khai Nghị quyết 45/2022/QH15 ngày 11/01/2022 của Quốc hội.\n"
    )
    draft = draft_of(text)
    assert [(v.date_start, v.date_end) for v in draft.visits] == [("2022-10-03", "2022-10-07")]
    assert [d.code for d in draft.documents] == ["02/KH-MTTQ-BTT", "45/2022/QH15"]
    assert draft.documents[1].date == "2022-01-11"


def test_a_congress_opens_the_later_of_two_terms_and_a_slashed_span_after_tu():
    text = (
        "Ngày 23/2, Hội Nông dân xã Đại Quang tổ chức Đại hội đại biểu lần thứ XIV nhằm đánh giá kết quả nhiệm kỳ "
        "2018 - 2023 và xác định phương hướng, nhiệm vụ nhiệm kỳ 2023 - 2028.\n"
    )
    assert [v.date_start for v in draft_of(text).visits] == ["2023-02-23"]
    found = find_dates("Theo đó, từ 20/4-4/5, đoàn giám sát; tăng từ 1/3 đến 1/2 số hộ", default_year=2017)
    assert [(h.day, h.end_day) for h in found] == [(dt.date(2017, 4, 20), dt.date(2017, 5, 4))]


def test_a_gatherings_length_told_without_its_organiser_extends_the_opening_day():
    text = (
        "17/07/2019 - 07:28\n"
        "Chiều 17-7, tại Hội trường tỉnh, Đại hội đại biểu MTTQ Việt Nam tỉnh lần thứ X chính thức khai mạc.\n"
        "Đại hội sẽ diễn ra trong 2 ngày (17 và 18-7), với sự tham dự của 426 đại biểu.\n"
    )
    assert [(v.date_start, v.date_end) for v in draft_of(text).visits] == [("2019-07-17", "2019-07-18")]
    # a later day of the same congress, told under the lede's body, is kept beside the span so extended (jr08)
    text = (
        "07/10/2022 - 08:00\n"
        "Sáng 9/10, Đại hội đại biểu Đoàn TNCS Hồ Chí Minh tỉnh lần thứ VII sẽ khai mạc tại Trung tâm hội nghị tỉnh.\n"
        "Theo chương trình, Đại hội diễn ra trong hai ngày 9 và 10/10.\n"
        "Ngày 10/10, Đại hội tiếp tục diễn ra với các nội dung như: báo cáo kết quả Hội nghị Ban Chấp hành Tỉnh Đoàn "
        "lần thứ Nhất và ra mắt Ban Chấp hành khóa VII.\n"
    )
    assert sorted((v.date_start, v.date_end or "") for v in draft_of(text).visits) == [
        ("2022-10-09", "2022-10-10"),
        ("2022-10-10", ""),
    ]
    found = find_dates("Đại hội diễn ra trong 2 ngày (chiều 28 và sáng 29-5), trong ngày", default_year=2024)
    assert [(h.day, h.end_day) for h in found] == [(dt.date(2024, 5, 28), dt.date(2024, 5, 29))]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the lunar new year named by its stem and branch, or by its number; "Sáng nay, 5-2" is a day
        ("GNO - Sáng nay, 5-2, lãnh đạo Thành ủy gặp mặt các chức sắc tôn giáo nhân dịp Tết Ất Mùi.\n", "2015-02-05"),
        (
            "Sáng 4/2, Thành ủy tổ chức gặp mặt chức sắc nhân dịp Tết Nguyên đán Bính Ngọ 2026.\n"
            "Phó Chủ tịch cho biết, trong năm 2025 thành phố đạt được những kết quả tích cực.\n",
            "2026-02-04",
        ),
        # the programme for the new year names it: a day of November is in the year before (fresh tuning text uy02)
        (
            "Ngày 28-11, tại xã An Phú, Bộ Chỉ huy Quân sự tỉnh An Giang phối hợp cấp ủy, chính quyền xã tổ chức bàn "
            "giao nhà tình nghĩa.\nĐây là hoạt động nằm trong chuỗi hoạt động Tết Quân - dân năm 2026 trên địa bàn "
            "xã.\n",
            "2025-11-28",
        ),
        # a quarter names the year; a quarter's review is no year's review held the year after
        (
            "Ngày 19/4, đồng chí Phạm Văn Hậu, Phó Bí thư Thường trực Tỉnh ủy, Chủ tịch HĐND tỉnh chủ trì cuộc họp "
            "giao ban với Mặt trận và các đoàn thể tỉnh quý I/2024.\n",
            "2024-04-19",
        ),
        (
            "Sáng 29/3, Hội LHPN tỉnh tổ chức Hội nghị giao ban tổng kết công tác Quý I và nhiệm vụ Quý II/2021.\n",
            "2021-03-29",
        ),
    ],
)
def test_the_year_of_a_day_from_a_new_year_or_a_quarter(text, expected):
    assert [v.date_start for v in draft_of(text).visits] == [expected]


def test_a_wire_dateline_is_the_publication_and_its_lead_is_the_text():
    text = (
        "Hà Nội (TTXVN 11/3/2022) Tại hội nghị lần thứ nhất Ban Chấp hành Hội Liên hiệp Phụ nữ Việt Nam chiều "
        "10/3/2022, 100% Ủy viên Ban Chấp hành có mặt đã biểu quyết bầu bà Hà Thị Nga là Chủ tịch. Ngoài ra, hội "
        "nghị cũng bầu 4 Phó Chủ tịch Hội Liên hiệp Phụ nữ Việt Nam.\n"
    )
    draft = draft_of(text)
    assert (draft.source.published, draft.source.published_quote) == ("2022-03-11", "Hà Nội (TTXVN 11/3/2022)")
    assert [v.date_start for v in draft.visits] == ["2022-03-10"]  # a mass organisation's plenum is a gathering
    assert values(draft) == [100, 4]


def test_a_campaigns_phase_from_now_opens_no_event():
    text = (
        "Ngày 8-8-2025, Ủy ban MTTQ phường tổ chức hội nghị phát động đợt thi đua cao điểm; giai đoạn 1 (từ nay "
        "đến 30/10) tập trung tuyên truyền.\n"
    )
    assert [v.date_start for v in draft_of(text).visits] == ["2025-08-08"]
    # the day a campaign lasts to (ao08, nc09)
    text = (
        "03/03/2026 08:00\nSáng 3/3, Tỉnh đoàn tổ chức Lễ ra quân Tháng Thanh niên năm 2026.\n"
        "Tháng Thanh niên năm nay sẽ diễn ra đến ngày 31/3/2026. Đoàn viên, thanh niên tham gia nhiều hoạt động.\n"
    )
    assert [v.date_start for v in draft_of(text).visits] == ["2026-03-03"]


def test_a_dialogue_and_a_ceremony_are_gatherings_even_when_their_organiser_goes_unnamed():
    text = (
        "Chiều 30/10/2023 Ông A Vô Tô Phương - Chủ tịch UBND huyện Đông Giang cùng lãnh đạo các ban, ngành huyện đã "
        "có buổi đối thoại trực tiếp với nhân dân xã Tà Lu.\n"
    )
    (visit,) = draft_of(text).visits
    assert (visit.date_start, visit.body) == ("2023-10-30", None)
    assert "người nhập cần ghi cơ quan" in " ".join(visit.notes)


def test_funding_a_house_is_an_event_and_a_headline_tally_is_none():
    text = "Sáng 21.10.2021, Ủy ban MTTQ huyện Thanh Hà hỗ trợ kinh phí xây nhà “đại đoàn kết” cho gia đình bà Nhỡ.\n"
    assert [(v.date_start, v.body) for v in draft_of(text).visits] == [("2021-10-21", "Ủy ban MTTQ huyện")]
    tally = "Lục Nam: Giám sát 234 công trình xây dựng ở cộng đồng\n\nUBMTTQ huyện đã giám sát các công trình.\n"
    assert draft_of(tally, published="2015-07-16").visits == []


def test_an_anniversary_written_with_a_star_names_the_year_and_a_handover_of_houses_is_an_event(registry):
    text = (
        "Sáng 12-10, Ban dân vận Thành uỷ tổ chức hội nghị biểu dương điển hình “Dân vận khéo” nhân kỷ niệm 80 năm "
        "Ngày truyền thống công tác dân vận của Đảng (15-10-1930 * 15-10-2010).\n"
    )
    assert [v.date_start for v in draft_of(text).visits] == ["2010-10-12"]
    text = (
        "Sáng ngày 12/9/2018, Ủy ban MTTQ Việt Nam huyện Diễn Châu (Nghệ An) đã bàn giao 2 ngôi nhà Đại đoàn kết cho "
        "2 hộ gia đình tại xã Diễn Thành.\n"
    )
    (visit,) = draft_of(text, registry).visits
    assert (visit.date_start, visit.province) == ("2018-09-12", "40")  # Nghệ An, not a commune read loosely elsewhere


def test_a_lunar_date_is_no_calendar_day():
    assert [h.day for h in find_dates("Ngày 22/4/2023 (ngày 3/3 âm lịch), lễ hội")] == [dt.date(2023, 4, 22)]
    # the lunar day named "nhằm" in brackets, with the calendar's year typed beside it (fresh tuning text o718)
    text = "ngày 9 tháng 9 năm 2022 (nhằm ngày 14 tháng 8 năm 2022), Xã đoàn tổ chức vui Tết Trung thu"
    assert [h.day for h in find_dates(text)] == [dt.date(2022, 9, 9)]


def test_two_days_of_a_month_written_with_a_dot():
    found = find_dates(
        "Đại hội diễn ra trong hai ngày 27 - 28.11, với 500 đại biểu; tăng 27 - 28.11 lần", default_year=2025
    )
    assert [(h.day, h.end_day) for h in found] == [(dt.date(2025, 11, 27), dt.date(2025, 11, 28))]


def test_a_month_and_year_written_with_a_dot_and_a_disasters_month_is_no_gathering():
    planned = draft_of("Đại hội Công đoàn Hà Tĩnh lần thứ 18 sẽ diễn ra vào tháng 1.2018\n")
    assert event_keys(planned) == {"2018-01"}
    flood = (
        "LĐLĐ tỉnh hỗ trợ 300 triệu đồng sửa chữa trường mầm non bị hư hỏng do đợt mưa lũ tháng 11.2016; chỉ đạo "
        "công đoàn cơ sở tổ chức hội nghị người lao động.\n"
    )
    assert event_keys(draft_of(flood)) == set()
    assert event_keys(draft_of(flood.replace("do đợt mưa lũ tháng 11.2016", "trong tháng 11.2016"))) == {"2016-11"}


def test_a_span_from_one_day_to_the_day_of_another_is_a_span_not_a_fraction():
    hits = find_dates("Chương trình Tiếp sức mùa thi diễn ra từ 06/7 đến ngày 08/7 với 250 thanh niên.", 2022)
    assert [(h.day, h.end_day) for h in hits] == [(dt.date(2022, 7, 6), dt.date(2022, 7, 8))]
    assert find_dates("Tỷ lệ tăng từ 1/3 đến 1/2 số hộ.", 2022) == []


def test_mung_before_a_day_of_the_month_reads_as_ngay():
    """qre01, pk10: "mùng"/"mồng" writes the first ten days of a month; a lunar day stays out."""
    hits = find_dates("Từ ngày mùng 3 đến 6/5, Tỉnh đoàn tổ chức Hội thi; trong hai ngày mồng 8 và 9/1 hiến máu.", 2013)
    assert [(h.day, h.end_day) for h in hits] == [
        (dt.date(2013, 5, 3), dt.date(2013, 5, 6)),
        (dt.date(2013, 1, 8), dt.date(2013, 1, 9)),
    ]
    assert [h.day for h in find_dates("Mùng 3/5, Hội thi khai mạc.", 2013)] == [dt.date(2013, 5, 3)]
    assert find_dates("lễ giỗ (tức ngày mùng 10-3 âm lịch), mùng 1 Tết", 2013) == []


@pytest.mark.parametrize(
    ("text", "events"),
    [
        # a campaign's span that tallies its works is no gathering
        (
            "23/07/2023\nNgày 22/7, Tỉnh đoàn Kon Tum tổ chức Lễ tổng kết Chiến dịch Thanh niên tình nguyện hè.\n"
            "Trong thời gian triển khai Chiến dịch (từ 1/7 đến ngày 22/7), các chiến sỹ tình nguyện đã thực hiện nhiều "
            "công trình, phần việc ý nghĩa cho bà con.\n",
            {"2023-07-22"},
        ),
        # a document's date written without its number sign is none either
        (
            "HỘI LHPN THÀNH PHỐ TỔ CHỨC HỘI NGHỊ GIAO BAN CHỦ TỊCH HỘI LHPN XÃ, PHƯỜNG\n"
            "Sáng ngày 18/7/2025, Hội Liên hiệp phụ nữ thành phố Hà Nội tổ chức Hội nghị giao ban công tác Hội với chủ "
            "tịch Hội LHPN 126 xã, phường. Đây là kỳ giao ban đầu tiên của Hội LHPN Thành phố với lãnh đạo Hội xã, "
            "phường mới theo Nghị quyết 1656 ngày 16/6/2025 của Uỷ ban Thường vụ Quốc hội.\n",
            {"2025-07-18"},
        ),
    ],
)
def test_a_campaigns_tallied_span_and_a_documents_date_are_no_gatherings(text, events):
    assert event_keys(draft_of(text)) == events


def test_a_birth_anniversary_and_a_lunar_day_are_no_event_days():
    text = (
        "Sáng 12/5, Ủy ban MTTQ huyện tổ chức hội nghị triển khai các hoạt động chào mừng kỷ niệm 130 năm Ngày sinh "
        "Chủ tịch Hồ Chí Minh (19/5/1890 - 19/5/2020) và 90 năm Ngày truyền thống MTTQ Việt Nam (18/11/1930 - "
        "18/11/2020, do Ủy ban MTTQ tỉnh tổ chức.\n"
    )
    assert anniversaries(text)[0][2] == 2020
    assert event_keys(draft_of(text, published="2020-05-13")) == {"2020-05-12"}
    lunar = "Chiều ngày 23/10/2023 (nhằm ngày 09/9 năm Quý Mão), Hội Nông dân tỉnh tổ chức lễ khánh thành cầu."
    assert [h.day for h in find_dates(lunar, 2023)] == [dt.date(2023, 10, 23)]


@pytest.mark.parametrize(
    "sentence",
    [
        "Các cấp Hội tổ chức nhiều hoạt động hướng tới Ngày Phụ nữ Việt Nam (20/10) với chủ đề “Trao yêu thương”.",
        "Hội LHPN xã tổ chức giao lưu văn nghệ chào mừng 13 năm ngày Phụ nữ Việt nam 20/10/2023.",
        "Các xóm đang tưng bừng tổ chức Ngày hội Đại đoàn kết toàn dân tộc (18-11) với nhiều hoạt động thiết thực.",
        "Ôn lại ngày truyền thống công tác Dân vận của Đảng (15/10) và ngày truyền thống ngành Kiểm tra (16/10).",
        # an international day named without its "Ngày" (nw05)
        "Các cấp Hội tổ chức nhiều hoạt động chào mừng Quốc tế Người cao tuổi (1/10).",
        # the national day (fresh tuning text v302)
        "Xã tổ chức giao lưu văn nghệ chào mừng 78 năm ngày cách mạng tháng Tám và Quốc khánh 02/9 năm 2023.",
    ],
)
def test_a_holidays_own_day_after_its_name_is_no_gathering(sentence):
    text = f"Sáng 5/10, Hội LHPN huyện tổ chức hội nghị giao ban.\n{sentence}\n"
    assert event_keys(draft_of(text, published="2023-10-06")) == {"2023-10-05"}
    # a page typed without capitals (fresh tuning text a913)
    lower = (
        "Sáng 16/11, Mặt trận thị trấn tổ chức ngày hội đại đoàn kết toàn dân tộc, chào mừng kỷ niệm ngày mặt trận "
        "dân tộc thống nhất việt nam 18/11 năm 2024.\n"
    )
    assert event_keys(draft_of(lower, published="2024-11-20")) == {"2024-11-16"}
    # a day word between the name and the day opens a gathering of its own; "ngày Chủ nhật 21/9" is a weekday
    opened = "Gặp mặt kỷ niệm 90 năm Ngày thành lập Hội Nông dân Việt Nam Ngày 13/10, Hội Nông dân xã tổ chức gặp mặt."
    assert "2023-10-13" in event_keys(draft_of(opened, published="2023-10-14"))
    # … and so does a new line: the holiday is the headline's, the day the lede's (fresh tuning text qp03)
    lede = (
        "Nghệ An: Kỷ niệm 90 năm ngày truyền thống Hội nông dân Việt Nam\n\nSáng nay (8/10), tại TP Vinh, Hội Nông dân "
        "tỉnh Nghệ An tổ chức kỷ niệm 90 năm ngày thành lập Hội nông dân Việt Nam (14/10/1930-14/10/2020).\n"
    )
    assert event_keys(draft_of(lede)) == {"2020-10-08"}


def test_a_documents_own_date_and_a_day_things_run_from_are_no_events():
    text = (
        "Hội CCB khối UBND ra mắt\n16/10/2025\nHội Cựu chiến binh khối UBND được thành lập theo Quyết định ngày "
        "29/8/2025 trên cơ sở hợp nhất ba tổ chức hội. Các hội viên tổ chức gặp mặt tại trụ sở.\n"
    )
    assert "2025-08-29" not in event_keys(draft_of(text))
    since = (
        "Từ ngày 1/7/2025, Mặt trận Tổ quốc và các tổ chức chính trị - xã hội hoạt động thông suốt theo mô hình mới."
    )
    assert draft_of(since).visits == []
    # tuning qqa06: a paper named by its number in lower case is dated too, not a session receiving citizens
    paper = (
        "Tại văn bản số 2128 ngày 9/5/2018 về việc chấn chỉnh việc cử cán bộ tham gia tiếp công dân giải quyết khiếu "
        "nại, tố cáo, Chủ tịch UBND tỉnh Đăk Nông yêu cầu thủ trưởng các sở, ban, ngành thực hiện nghiêm.\n"
    )
    assert event_keys(draft_of(paper)) == set()
    # tuning qqo05: a Front's circular ("Thông tri số 10 ngày 8-7-2016") is dated too, not the conference it is read at
    circular = (
        "Tại hội nghị, bà Lê Thị Thái Dương, Phó Chủ tịch Ủy ban MTTQVN thành phố đã quán triệt, triển khai Đề án 04, "
        "Thông tri số 10 ngày 8-7-2016 của Ủy ban Trung ương MTTQVN và triển khai kế hoạch tổ chức tập huấn.\n"
    )
    assert event_keys(draft_of(circular)) == set()


def test_two_whole_dates_make_a_span():
    found = find_dates("Thời gian tổ chức vận động từ 15/4/2023-15/6/2023; từ ngày 20/5/2019 đến ngày 30/9/2019")
    assert [(h.day, h.end_day) for h in found] == [
        (dt.date(2023, 4, 15), dt.date(2023, 6, 15)),
        (dt.date(2019, 5, 20), dt.date(2019, 9, 30)),
    ]


def test_two_sittings_of_days_running_are_a_span_and_listed_days_are_each_their_own():
    """Fresh sets td10, td02 and tuning p396: a congress of two sittings on days running is one span; the last two
    days of a list ("29/6; 01/7 và 02/7") and two whole dates days apart are days of their own."""
    sittings = find_dates("được tổ chức hai phiên, chiều ngày 29/11/2018 và sáng ngày 30/11/2018 tại Nhà văn hóa")
    assert [(h.day, h.end_day) for h in sittings] == [(dt.date(2018, 11, 29), dt.date(2018, 11, 30))]
    listed = find_dates("Trong các ngày 29/6; 01/7 và 02/7/2020 Ban vận động", default_year=2020)
    assert [(h.day, h.end_day) for h in listed] == [
        (dt.date(2020, 6, 29), None),
        (dt.date(2020, 7, 1), None),
        (dt.date(2020, 7, 2), None),
    ]
    apart = find_dates("Ngày 15/11/2023 và 18/11/2023 tại các khóm")
    assert [(h.day, h.end_day) for h in apart] == [(dt.date(2023, 11, 15), None), (dt.date(2023, 11, 18), None)]


def test_a_weekday_number_and_an_ampersand():
    assert [(h.day, h.end_day) for h in find_dates("Thứ 4, 10/01/2024 | 17:04:46 (GMT +7)")] == [
        (dt.date(2024, 1, 10), None)
    ]
    assert [(h.day, h.end_day) for h in find_dates("Trong 02 ngày 27&28/6/2019, tại Hội trường")] == [
        (dt.date(2019, 6, 27), dt.date(2019, 6, 28))
    ]


def test_a_yearless_day_takes_the_year_of_a_dated_day_near_it_but_not_of_a_document():
    text = (
        "Chiều 6/11, Ủy ban MTTQ Việt Nam tỉnh tổ chức Hội nghị lần thứ 3, nhiệm kỳ 2024 - 2029.\n"
        "Theo kế hoạch, Đại hội đại biểu MTTQ Việt Nam tỉnh lần thứ I, nhiệm kỳ 2025 - 2030 sẽ diễn ra trong 2 ngày "
        "7 và 8/11.\n"
    )
    assert [v.date_start for v in draft_of(text).visits] == ["2025-11-06", "2025-11-07"]
    text = (
        "Sáng 6/10, Ban Thường vụ Tỉnh ủy tổ chức hội nghị quán triệt Kết luận số 62-KL/TW ngày 04/11/2013 của Bộ "
        "Chính trị về tiếp tục đổi mới nội dung, phương thức hoạt động của Mặt trận Tổ quốc Việt Nam.\n"
    )
    assert draft_of(text).visits[0].date_start is None  # a document's year dates no gathering


def test_a_time_before_a_date_is_no_day():
    assert [(h.day, h.end_day) for h in find_dates("Công tác Dân tộc - 09:05, 29/10/2019")] == [
        (dt.date(2019, 10, 29), None)
    ]


def test_a_birth_year_is_not_the_year_of_a_yearless_date(monkeypatch):
    # the rules' reading of the year; the event model (refitted on 780 tuning texts) weighs the second day at 0,41
    monkeypatch.setattr(event_model, "model", lambda: event_model.Model({"bias": 5.0}, event_model.THRESHOLD))
    text = (
        "Sáng ngày 11.11, Ban Thường trực Ủy ban MTTQ Việt Nam phường tổ chức Ngày hội Đại đoàn kết năm 2024.\n"
        "Ngày 27.11, Ban Giám sát đầu tư của cộng đồng xã tổ chức giám sát việc xây dựng nhà đại đoàn kết cho hộ bà "
        "Lê Thị Lan, sinh năm 1952.\n"
    )
    assert [v.date_start for v in draft_of(text).visits] == ["2024-11-11", "2024-11-27"]


def test_a_year_of_someones_past_is_not_the_year_of_a_yearless_date():
    # an undated text that names only the year a veteran went to war (1978) or the province was re-established
    # (1991): neither is the text's present, so its day gets no year and no event
    for history in (
        "Bà Đông tham gia quân đội, tại chiến trường biên giới phía Bắc năm 1978.",
        "Vào thời điểm tái lập tỉnh (năm 1991), đời sống đồng bào còn nhiều khó khăn.",
    ):
        text = f"Ngày 14/10, Hội Cựu chiến binh huyện đã bàn giao nhà tình nghĩa cho hội viên.\n{history}\n"
        assert [v.date_start for v in draft_of(text).visits] == [None]
    text = "Ngày 14/10, Hội Cựu chiến binh huyện đã bàn giao nhà tình nghĩa cho hội viên.\nNăm 2023, Hội xây 5 nhà.\n"
    assert [v.date_start for v in draft_of(text).visits] == ["2023-10-14"]


@pytest.mark.parametrize(
    ("text", "published", "events"),
    [
        # a count of years is no year: "1982 năm Khởi nghĩa Hai Bà Trưng" leaves "Sáng 7.3" without one
        (
            "Sáng 7.3, Hội LHPN tỉnh tổ chức họp mặt kỷ niệm 112 năm Ngày Quốc tế Phụ nữ 8.3 và 1982 năm Khởi nghĩa "
            "Hai Bà Trưng.",
            None,
            [],
        ),
        # "tháng 8/1945" is history the text recalls
        ("Tại buổi mít tinh kỷ niệm Cách mạng tháng 8/1945, Thị ủy tổ chức trao nhà cho hội viên.", None, []),
        # a deadline written with a capital
        ("Hoàn thành trước 25/7/2024, việc lấy ý kiến của người dân do Ủy ban MTTQ tổ chức.", None, []),
        # a colon after the days' count
        (
            "Nhân kỷ niệm 71 năm Ngày Thương binh - liệt sĩ (27/7/1947 - 27/7/2018), trong 2 ngày: 23 và 24-7, huyện "
            "Thống Nhất tổ chức 11 đoàn đi thăm và tặng quà cho các gia đình chính sách.",
            None,
            ["2018-07-23..2018-07-24"],
        ),
        # a gathering put off
        (
            "Hội nghị đối thoại dự kiến tổ chức vào ngày 19/3 hoặc 20/3/2020, nhưng nay do phòng chống dịch nên tạm "
            "hoãn.",
            None,
            [],
        ),
        # the campaign as the occasion of gifts, not launched
        (
            "Số tiền trên được nhân dân ủng hộ vào Quỹ vì người nghèo nhân Tháng cao điểm “Vì người nghèo” (17.10 - "
            "18.11.2021); trong đó cấp tỉnh hơn 4 tỷ đồng.",
            None,
            [],
        ),
        # a law's year is not the text's ("pháp luật … năm 2017" still is)
        (
            "Sau hơn 7 năm thi hành Luật Hòa giải ở cơ sở năm 2013, công tác hòa giải đạt nhiều kết quả. Đây là nội "
            "dung buổi tọa đàm do Ủy ban MTTQ tỉnh tổ chức chiều 28/12.",
            None,
            [],
        ),
        # an election called "ngày hội" is no Ngày hội; a span closed "đến hết ngày"; a handover held ("tổ chức trao")
        # by a body the reader does not know
        (
            "Quảng Trị sẵn sàng cho ngày hội bầu cử của toàn dân\nHướng tới cuộc bầu cử đại biểu Quốc hội, tỉnh Quảng "
            "Trị đang khẩn trương hoàn tất các khâu chuẩn bị cuối cùng.",
            "2026-03-04",
            [],
        ),
        (
            "Theo hướng dẫn của Ủy ban MTTQ tỉnh: Ngày hội “Đại đoàn kết toàn dân tộc” ở khu dân cư năm 2018 tập trung "
            "từ ngày 3 đến hết ngày 18-11; mỗi khu dân cư tổ chức 1 ngày.",
            None,
            ["2018-11-03..2018-11-18"],
        ),
        (
            "Phú Tân trao học bổng Xổ số kiến thiết An Giang đợt 1, năm học 2021-2022\n23/12/2021 - 14:16\n- Sáng "
            "23-12, Hội Khuyến học huyện Phú Tân (tỉnh An Giang) phối hợp Hội Khuyến học Trường THCS Phú Thọ và Trường "
            "THCS Phú Mỹ tổ chức trao học bổng Xổ số kiến thiết An Giang tại nhà cho các học sinh nghèo vượt khó.",
            "2021-12-23",
            ["2021-12-23"],
        ),
        # an opening held by a body the reader does not know; a holiday's day is not the day of the gathering
        (
            "ClockThứ Năm, 12/09/2019 14:08\nKhánh thành hai Mái ấm Công đoàn cho đoàn viên khó khăn\nTTH.VN - Sáng "
            "12/9, Liên đoàn Lao động (LĐLĐ) TP. Huế tổ chức khánh thành 2 Mái ấm Công đoàn cho chị Lê Thị Kim Anh "
            "(Công đoàn cơ sở Công ty Môi trường & Công trình đô thị Huế).",
            "2019-09-12",
            ["2019-09-12"],
        ),
        (
            "Thiết thực chào mừng kỷ niệm 73 năm Ngày Thương binh liệt sĩ 27-7-2020, sáng 21-7, Hội Cựu chiến binh "
            "huyện An Lão và chính quyền địa phương tổ chức khởi công xây dựng nhà nghĩa tình đồng đội.",
            None,
            ["2020-07-21"],
        ),
        # a congress prepared in the autumn before its term's first year
        (
            "Sáng ngày 19/9, Uỷ ban MTTQ Việt Nam tỉnh Nghệ An tổ chức hội nghị trực tuyến triển khai công tác tổ chức "
            "Đại hội MTTQ Việt Nam các cấp tỉnh Nghệ An, nhiệm kỳ 2024 – 2029.",
            None,
            ["2023-09-19"],
        ),
        # a youth union's "Ngày Chủ nhật xanh" is a gathering on its day (vg12, p735)
        (
            "100% các cơ sở Đoàn huyện Tam Nông đồng loạt thực hiện “Ngày chủ nhật xanh” vào ngày 11/03/2018, kết quả "
            "có 12 m3 rác thải thu gom, xử lý.",
            None,
            ["2018-03-11"],
        ),
        # its drafts commented on in the autumn before (fresh tuning cj05)
        (
            "Chiều 6/11, Ủy ban MTTQ Việt Nam tỉnh Tuyên Quang tổ chức Hội nghị lấy ý kiến góp ý dự thảo Báo cáo chính "
            "trị Đại hội đại biểu toàn quốc MTTQ Việt Nam lần thứ I, nhiệm kỳ 2026 - 2031.",
            None,
            ["2025-11-06"],
        ),
        # the page's day after a clock time is its stamp; a day and month spaced round their dash
        (
            "Đồng Nai phát động ủng hộ đồng bào miền Trung bị lũ lụt 12:00 22/10/2020 (Mặt trận) -Sáng 21-10, tại "
            "trụ sở Khối nhà nước tỉnh, UBND tỉnh Đồng Nai đã tổ chức lễ phát động quyên góp.",
            "2020-10-22",
            ["2020-10-21"],
        ),
        (
            "Sáng ngày 29 - 6, Hội Người cao tuổi Hà Nội tổ chức sơ kết công tác 6 tháng đầu năm 2011.",
            None,
            ["2011-06-29"],
        ),
        # a term in brackets gives a congress its year; an anniversary's years joined by "_"; a span of two half-days
        (
            "Theo kế hoạch, thứ 6 ngày 12/5 tới, Hội Nông dân huyện Sông Hinh tổ chức Đại hội lần thứ IX nhiệm kỳ "
            "(2023-2028).",
            None,
            ["2023-05-12"],
        ),
        (
            "Kỷ niệm 90 năm Ngày truyền thống Mặt trận Tổ quốc Việt Nam (18-11-1930 _ 18-11-2020), ngày 15-11, Ủy ban "
            "MTTQ tỉnh phối hợp tổ chức khai mạc triển lãm.",
            None,
            ["2020-11-15"],
        ),
        (
            "Phiên thứ Nhất Đại hội đại biểu MTTQ Việt Nam tỉnh An Giang lần thứ XI, nhiệm kỳ 2024-2029\n"
            "Chiều 3/7, tại Hội trường tỉnh An Giang diễn ra phiên thứ Nhất Đại hội đại biểu MTTQ Việt Nam tỉnh "
            "An Giang lần thứ XI, nhiệm kỳ 2024-2029. Đại hội diễn ra trong 2 ngày (chiều 3/7 và sáng 4/7).",
            "2024-07-03",
            ["2024-07-03..2024-07-04"],
        ),
        (
            "Sáng 19/4, Ban Thường trực Ủy ban MTTQ tỉnh tổ chức hội nghị triển khai kế hoạch giám sát việc thực hiện "
            "các quy định pháp luật về an toàn thực phẩm năm 2017.",
            None,
            ["2017-04-19"],
        ),
        # a propaganda outline for a congress and its purpose ("Để Đại hội được tuyên truyền"), the spirit of a past
        # congress, an election that "becomes a festival": no gathering the page reports, so none takes the page's
        # date (eighteenth session)
        (
            "Đề cương tuyên truyền Đại hội Đoàn TNCS Hồ Chí Minh tỉnh Quảng Nam lần thứ XVIII\nĐể Đại hội được tuyên "
            "truyền rộng khắp và có ảnh hưởng sâu rộng trong các tầng lớp thanh niên và nhân dân trong tỉnh, Tiểu ban "
            "hoạt động tuyên truyền Đại hội xây dựng Đề cương tuyên truyền Đại hội Đoàn TNCS Hồ Chí Minh tỉnh Quảng "
            "Nam lần thứ XVIII.",
            "2017-09-13",
            [],
        ),
        (
            "Thực hiện mục tiêu bình đẳng giới, quán triệt tinh thần Đại hội XII của Đảng, những năm qua, các cấp Hội "
            "Liên hiệp phụ nữ trong toàn tỉnh đã tạo điều kiện cho phụ nữ vươn lên.",
            "2020-03-10",
            [],
        ),
        (
            "Công tác chuẩn bị được triển khai đồng bộ, đảm bảo ngày bầu cử thực sự trở thành ngày hội của toàn dân.",
            "2026-03-04",
            [],
        ),
    ],
)
def test_event_dates_of_real_openings(text, published, events):
    """Forms of tests/fixtures/ingest/battery_events.yaml."""
    draft = draft_of(f"{text}\n", published=published)
    assert sorted(event_keys(draft)) == events


@pytest.mark.parametrize(("quoted", "events"), [(True, []), (False, ["2026-02-04"])])
def test_a_speakers_words_are_not_the_pages_gathering(quoted, events):
    """A visit told only in a speaker's words is of the speaker's day, not dated by the page (tuning p1993)."""
    words = "Hôm nay được các cô bên Hội đến thăm, chúc Tết, tôi cảm thấy rất ấm áp."
    text = f"“Nhờ có trung tâm mà tuổi già tôi bớt hiu quạnh. {words}” - bà Soi nói.\n" if quoted else f"{words}\n"
    assert sorted(event_keys(draft_of(text, published="2026-02-04"))) == events


@pytest.mark.parametrize(
    ("opening", "events"),
    [
        ("Trước đây, vào những ngày lễ hội", []),
        ("Những năm qua, vào những ngày lễ hội", []),
        ("Hôm nay, vào ngày hội", ["2019-11-26"]),
    ],
)
def test_a_gathering_long_ago_is_not_the_pages(opening, events):
    """A sentence opened on times long past tells the background; the page does not date it (tuning s808, qy08)."""
    text = f"{opening}, hơn 100 hộ dân trong làng đã tổ chức họp mặt tại nhà văn hóa.\n"
    assert sorted(event_keys(draft_of(text, published="2019-11-26"))) == events


def test_a_laws_date_in_a_legal_basis_is_no_event(tmp_path):
    """A decision's legal basis names a law with its date (tuning p1995); a conference on a law keeps its day."""
    basis = "Căn cứ Luật tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;\n"
    text = basis + "Ban Thường trực Ủy ban MTTQ xã tổ chức Hội nghị tuyên truyền Luật Đất đai ngày 15/3/2024.\n"
    assert sorted(event_keys(draft_of(text, published="2024-03-20"))) == ["2024-03-15"]
    path = tmp_path / "quyet_dinh.txt"
    path.write_text(text, encoding="utf-8")
    candidates, _ = event_examples(path, None, province=None, indicators=[])
    assert [key for key, _ in candidates] == ["2024-03-15"]  # the law's day is not among the dates weighed


@pytest.mark.parametrize(
    ("title", "theme"),
    [
        ("Phát huy vai trò Hội Phụ nữ tham gia giám sát, phản biện xã hội", True),  # a feature's theme (vi04)
        ("Những chi hội trưởng nông dân đau đáu với việc thôn", True),
        ("Hội Phụ nữ tỉnh giám sát việc thực hiện chính sách", False),
    ],
)
def test_the_event_model_weighs_a_headline_that_names_a_theme(tmp_path, title, theme):
    """A gathering the page dates under a feature's headline ("Phát huy …", "Những …") is weighed as such: of 51
    tuning texts under such headlines, 13 report a gathering on the page's day."""
    path = tmp_path / "bai.txt"
    lede = "Thời gian qua, Hội Phụ nữ tỉnh đã tổ chức hội nghị giám sát việc thực hiện chính sách đối với phụ nữ."
    path.write_text(f"date 2021-04-06\n{title}\n\n{lede}\n", encoding="utf-8")
    candidates, _ = event_examples(path, None, province=None, indicators=[])
    assert [(key, features.get("P_theme", 0.0)) for key, features in candidates] == [("2021-04-06", float(theme))]


@pytest.mark.parametrize(
    ("sentence", "outside"),
    [
        ("Sáng nay, ngày 10/12, Kỳ họp thứ 9 – HĐND tỉnh Khánh Hòa khóa VI đã khai mạc.", True),  # tuning ay08
        ("Sáng 20.11, Quốc hội bắt đầu đợt 2 của Kỳ họp thứ 8, thảo luận nhiều dự án luật.", True),  # tuning eb11
        ("Ngày 14/8, Đảng bộ xã Nghĩa Tâm tổ chức Đại hội đại biểu lần thứ I.", True),  # tuning p578
        ("Ngày 10/12, Ủy ban MTTQ Việt Nam xã Thượng Giáo tổ chức Đại hội đại biểu lần thứ XIX.", False),
    ],
)
def test_the_event_model_weighs_a_gathering_outside_dan_van(tmp_path, sentence, outside):
    """A Party congress or a session of the Quốc hội or an HĐND is no dân vận gathering (conventions §0); the model
    weighs the words that name one (tuning five-fold, three shuffles: 6, 5 and 10 fewer extra dates)."""
    path = tmp_path / "bai.txt"
    path.write_text(f"date 2019-12-12\n{sentence}\n", encoding="utf-8")
    candidates, _ = event_examples(path, None, province=None, indicators=[])
    assert [features.get("S_ngoai", 0.0) for _, features in candidates] == [float(outside)]


@pytest.mark.parametrize(
    "sentence",
    [
        "Ngày 31/10/2016, Tỉnh đoàn - Hội Doanh nhân trẻ tỉnh Quảng Ngãi đã trao số tiền 85 triệu đồng ủng hộ nhân dân "
        "Quảng Bình bị thiệt hại nặng nề do mưa lũ vừa qua.",  # tuning p1802
        "Chiều 6/7/2021, Hội Nông dân tỉnh Hà Tĩnh đến trao hỗ trợ lương thực, thực phẩm cho Hội Nông dân Nghệ An.",
        "Ngôi nhà vừa được Thành đoàn Bà Rịa bàn giao cho đoàn viên Lê Thanh Sang vào sáng ngày 25/5/2017.",
        "Ngày 08/9/2023 tại UBND xã Tân Tú, Hội cựu chiến binh tỉnh Bắc Kạn đã ủng hộ số tiền 5.000.000 đồng vào quỹ "
        "chung tay xây dựng nông thôn mới của xã.",  # tuning p2054
        "Sáng ngày 17 tháng 4 năm 2020 Uỷ ban Mặt trận Tổ quốc Việt Nam xã Phú Hưng phối hợp với Ban đại diện Hội "
        "thánh Cao đài Tây Ninh tỉnh Bến Tre phát 50 phần quà cho bà con nghèo.",  # tuning p2069
        # an amount told as "more than" (tuning lf03)
        "(Báo Quảng Ngãi)- Sáng 8/9/2021, Hội LHPN tỉnh đã trao hơn 2 tạ gạo, 4 tạ rau xanh, 500 quả trứng gà cho khu "
        "cách ly tại xã Trà Phong.",
    ],
)
def test_a_handover_of_money_or_aid_is_weighed_as_a_happening(tmp_path, sentence):
    """A sum, aid or a house handed over to someone is a happening the event model weighs (tuning p662, p1753)."""
    path = tmp_path / "trao.txt"
    path.write_text(sentence + "\n", encoding="utf-8")
    candidates, _ = event_examples(path, None, province=None, indicators=[])
    assert len(candidates) == 1


@pytest.mark.parametrize(
    ("text", "events"),
    [
        # a launch held, told without its day, takes the page's date (battery p, eighteenth session)
        (
            "Tuổi trẻ Thái Nguyên tình nguyện vùng cao\nHơn 300 đoàn viên, thanh niên đã cùng Tỉnh Đoàn và Hội LHTN "
            "tỉnh Thái Nguyên phát động chiến dịch Tình nguyện mùa Đông 2025 tại xã Ngân Sơn.",
            ["2025-12-09"],
        ),
        (
            "Phường Nghi Hải – TX Cửa Lò: Ra mắt “Câu lạc bộ phụ nữ tứ đức”\nCâu lạc bộ có 50 thành viên.",
            ["2025-12-09"],
        ),
        # an opening or a groundbreaking held (tuning p2062, p2087)
        (
            "Khánh thành công trình thanh niên chào mừng Ngày hội non sông\nĐoàn Thanh niên phường Phúc Yên.",
            ["2025-12-09"],
        ),
        (
            "Hội ND phối hợp với Mặt trận Tổ quốc tỉnh vừa khởi công xây dựng “Nhà Đại đoàn kết” cho 10 hộ ND "
            "nghèo trên địa bàn.",
            ["2025-12-09"],
        ),
        # a movement as such (tuning p468) and a launch shown in a caption (tuning p1178) do not
        (
            "Đạ Huoai trong dịp cuối năm này đã phát động đến toàn thể các thôn, tổ dân phố trong huyện tiếp tục xây "
            "dựng mô hình “Khu dân cư tiêu biểu”.",
            [],
        ),
        ("Mô hình liên thế hệ\nLễ ra mắt  CLB Liên thế hệ tự giúp nhau tại phường 4, TP Cà Mau.", []),
    ],
)
def test_a_launch_told_without_its_day(text, events):
    assert sorted(event_keys(draft_of(f"{text}\n", published="2025-12-09"))) == events


def test_a_launch_held_as_a_programme_takes_the_pages_date():
    """ "vừa tổ chức khởi động Tháng Thanh niên" is a launch held, as "vừa phát động Tháng …" is (fresh tuning be03)."""
    text = (
        "Hà Nội khởi động Tháng Thanh niên năm 2020\n- Tây Y\n- 13:10 - 03/03/2020\n"
        "Thành đoàn Hà Nội vừa tổ chức khởi động Tháng Thanh niên năm 2020. Chương trình được phát trực tiếp.\n"
    )
    assert event_keys(draft_of(text)) == {"2020-03-03"}


def test_an_anniversary_counted_in_years_gives_the_year():
    """ "kỷ niệm 32 năm … (1991-2023)": the count matches the years, so 2023 is the year of writing (tuning p2057)."""
    text = (
        "Ngày 29/9, Hội người cao tuổi phường Quang Trung đã tổ chức gặp mặt kỷ niệm 32 năm ngày Quốc tế người cao "
        "tuổi 1/10 (1991-2023)."
    )
    assert [year for _, _, year in anniversaries(text)] == [2023]
    assert anniversaries("kỷ niệm 30 năm thành lập Hội (1991-2023)") == []  # the count and the years disagree
    assert sorted(event_keys(draft_of(f"{text}\n"))) == ["2023-09-29"]


def test_an_anniversary_written_without_brackets_gives_the_year():
    """Fresh tuning text qd04: "… kỷ niệm 86 năm ngày thành lập Công đoàn Việt Nam 28/7/1929 – 28/7/2015"; a year's
    span written the same way ("từ 1/1/2015 - 1/1/2016") is none."""
    text = (
        "(THTG) Chiều ngày 28/7, Liên đoàn Lao động tỉnh Tiền Giang tổ chức họp mặt kỷ niệm 86 năm ngày thành lập "
        "Công đoàn Việt Nam 28/7/1929 – 28/7/2015."
    )
    assert [year for _, _, year in anniversaries(text)] == [2015]
    assert anniversaries("Hội vận động từ 1/1/2015 - 1/1/2016 thì") == []
    assert sorted(event_keys(draft_of(f"{text}\n"))) == ["2015-07-28"]

    # in brackets, the later date its year alone (qf09); the founding day is no page's stamp either
    lead = (
        "BHG - Sáng 19.10, huyện Vị Xuyên long trọng tổ chức Lễ kỷ niệm Ngày thành lập Hội LHPN Việt Nam (20.10.1930 "
        "– 2015) và 5 năm ngày Phụ nữ Việt Nam.\n"
    )
    assert [year for _, _, year in anniversaries(lead)] == [2015]
    draft = draft_of(lead)
    assert draft.source.published is None
    assert sorted(event_keys(draft)) == ["2015-10-19"]


def test_a_month_after_the_texts_dated_gathering_is_a_planned_one_in_a_page_with_no_date():
    """Fresh tuning texts qf10 and qk01: with no publication date, a month after the text's latest dated gathering is
    still to come; one before it, or a deadline for many gatherings ("sẽ kết thúc trong tháng 5-2021", p1135), is
    none."""
    text = (
        "Sáng nay (8/7), Hội Nông dân tỉnh Gia Lai đã tổ chức Hội nghị lấy ý kiến góp ý dự thảo văn kiện Đại hội.\n"
        "Đại hội Đại biểu Hội Nông dân tỉnh Gia Lai lần thứ IX, nhiệm kỳ 2023-2028 dự kiến sẽ được tổ chức vào tháng 8 "
        "tới.\n"
    )
    assert event_keys(draft_of(text)) == {"2023-07-08", "2023-08"}
    assert event_keys(draft_of(text.replace("tháng 8 tới", "tháng 5/2023"))) == {"2023-07-08"}
    deadline = text.replace("dự kiến sẽ được tổ chức vào tháng 8 tới", "sẽ kết thúc trong tháng 8/2023")
    assert event_keys(draft_of(deadline)) == {"2023-07-08"}


def test_the_month_whose_tasks_a_meeting_sets_is_no_gathering():
    """Fresh tuning texts n813 and n602 (sixty-first session): a headline's "triển khai nhiệm vụ trọng tâm tháng
    3/2021" over a meeting of 24/02/2021 is the work of the month to come, not a gathering planned in it."""
    text = (
        "Uỷ ban MTTQ Việt Nam phường Phúc Đồng họp giao ban công tác tháng 02, triển khai nhiệm vụ trọng tâm tháng "
        "3/2021\n"
        "Ngày đăng 25/02/2021 | 17:18\n"
        "Chiều ngày 24/02/2021, tại phòng họp tầng 1 UBND phường Phúc Đồng, Ban thường trực Ủy ban MTTQ Việt Nam "
        "phường Phúc Đồng tổ chức họp giao ban công tác Mặt trận tháng 02.\n"
    )
    assert event_keys(draft_of(text)) == {"2021-02-24"}
    planned = text.replace("triển khai nhiệm vụ trọng tâm", "tổ chức Hội nghị đối thoại")
    assert event_keys(draft_of(planned)) == {"2021-02-24", "2021-03"}


def test_a_sites_slogan_atop_the_page_gives_no_year():
    """Fresh tuning text qi03: the site's banner "CHÀO MỪNG KỶ NIỆM 94 NĂM … (18/11/1930-18/11/2024)" over a report of
    2016 is the day the page was read; it made the report's own day history."""
    text = (
        "CHÀO MỪNG KỶ NIỆM 94 NĂM NGÀY THÀNH LẬP MẶT TRẬN DÂN TỘC THỐNG NHẤT VIỆT NAM (18/11/1930-18/11/2024)\n\n"
        "Ban đại diện Hội người cao tuổi thành phố Cần Thơ tổng kết nhiệm kỳ 2011 – 2016\n\n"
        "Sáng ngày 17/8/2016, Ban đại diện Hội người cao tuổi thành phố tổ chức Hội nghị tổng kết 05 năm thực hiện "
        "Nghị quyết Đại hội IV Hội người cao tuổi Việt Nam, nhiệm kỳ 2011 – 2016.\n"
    )
    draft = draft_of(text)
    assert sorted(event_keys(draft)) == ["2016-08-17"]
    assert any(n.startswith("Bỏ qua khẩu hiệu của trang") for n in draft.source.notes)
    # a headline that opens with the words and goes on in lower case is the article's own (tuning text p2144)
    headline = "CHÀO MỪNG ĐẠI HỘI HỘI CỰU CHIẾN BINH TỈNH Tiếp tục phát huy bản chất Bộ đội Cụ Hồ\n\n"
    assert not any(n.startswith("Bỏ qua khẩu hiệu") for n in draft_of(headline + text.split("\n\n", 1)[1]).source.notes)


def test_a_gathering_with_no_organiser_named_beside_a_named_one():
    """A planned round whose organiser the reader does not name is kept beside a named body's gathering (battery
    a, eighteenth session; given its page's date here: with none, the gathering's year read from the term, the event
    model fitted on every tuning text leaves it out); a day inside a named body's congress is that congress (tuning
    p527)."""
    text = (
        "Hội nghị hiệp thương lần thứ nhất để thỏa thuận về cơ cấu, thành phần, số lượng người ứng cử trong cuộc bầu "
        "cử đại biểu Quốc hội khóa XV và Hội đồng nhân dân (HĐND) các cấp nhiệm kỳ 2021-2026 sắp tới được thực hiện "
        "trong thời gian từ ngày 3/2 đến 17/2/2021.\nSáng 22/1, Ban Thường trực Ủy ban Trung ương MTTQ Việt Nam tổ "
        "chức hội nghị trực tuyến tập huấn công tác bầu cử đại biểu Quốc hội khóa XV và đại biểu HĐND các cấp nhiệm kỳ "
        "2021-2026.\n"
    )
    assert sorted(event_keys(draft_of(text, published="2021-01-23"))) == ["2021-01-22", "2021-02-03..2021-02-17"]
    congress = (
        "Chiều 28-5, Đại hội Đại biểu MTTQ Việt Nam tỉnh Tiền Giang, lần thứ XI, nhiệm kỳ 2024 - 2029 tổ chức ngày làm "
        "việc thứ nhất.\nĐại hội diễn ra trong 2 ngày (chiều 28 và sáng 29-5), Ban Thường trực Ủy ban MTTQ Việt Nam "
        "tỉnh báo cáo.\n"
    )
    assert sorted(event_keys(draft_of(congress, published="2024-05-29"))) == ["2024-05-28..2024-05-29"]


def test_bare_day_month_opening_a_sentence():
    visit = draft_of("31-7, Ban Dân vận Huyện ủy tổ chức hội nghị sơ kết.\n", published="2024-08-02").visits[0]
    assert (visit.date_start, visit.kind, visit.body_level) == ("2024-07-31", "hoi_nghi", "district")


@pytest.mark.parametrize(
    ("text", "day", "end", "precision"),
    [
        ("ngày 10.01.2020", dt.date(2020, 1, 10), None, "day"),
        ("từ tháng 3-2020", dt.date(2020, 3, 1), None, "month"),
        ("Trong 02 ngày 30 - 31 tháng 5 năm 2017,", dt.date(2017, 5, 30), dt.date(2017, 5, 31), "day"),
        ("hoàn thành trước ngày 30-5-2020", dt.date(2020, 5, 30), None, "day"),
        ("Thứ 6 Ngày 02/06/2017", dt.date(2017, 6, 2), None, "day"),
        ("ngày 16 tháng 11 năm 2023", dt.date(2023, 11, 16), None, "day"),
        ("Từ ngày 10 đến ngày 15/6/2023, đoàn kiểm tra", dt.date(2023, 6, 10), dt.date(2023, 6, 15), "day"),
        ("Ngày 19, 20/12/2023, đoàn khảo sát", dt.date(2023, 12, 19), dt.date(2023, 12, 20), "day"),
        ("Ngày 22, 23 và 24/5/2023, đoàn", dt.date(2023, 5, 22), dt.date(2023, 5, 24), "day"),
        ("Ngày 20/01/ 2021, tại Trung tâm", dt.date(2021, 1, 20), None, "day"),  # a stray space (tuning p1987)
        ("Chiều ngày 26/ 9 / 2022, Hội nông dân xã", dt.date(2022, 9, 26), None, "day"),  # spaces by both (at02)
        ("diễn ra từ ngày 02/7 đến hết 31/8/2022.", dt.date(2022, 7, 2), dt.date(2022, 8, 31), "day"),  # tuning p2053
        ("Trong 3 ngày 8-9-10/7/2020, các Đội", dt.date(2020, 7, 8), dt.date(2020, 7, 10), "day"),
    ],
)
def test_date_forms(text, day, end, precision):
    hits = find_dates(text)
    assert [(h.day, h.end_day, h.precision) for h in hits] == [(day, end, precision)]


def test_three_days_joined_by_dashes_are_a_span_of_their_month():
    # "8-9-10.7" is 8 to 10 July, not 8 and 9 October (tuning iu08)
    hits = find_dates("Xuyên trong 3 ngày 8-9-10.7, tất cả các Đội tiếp sức mùa thi", default_year=2020)
    assert [(h.day, h.end_day) for h in hits] == [(dt.date(2020, 7, 8), dt.date(2020, 7, 10))]
    # two days and a month, dashed, stay so
    hits = find_dates("Trong 2 ngày 29-30-11, Đại hội", default_year=2020)
    assert [(h.day, h.end_day) for h in hits] == [(dt.date(2020, 11, 29), dt.date(2020, 11, 30))]


def test_fractions_are_not_dates():
    assert find_dates("có 166/200 xã, 07/07 đơn tố cáo", default_year=2023) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "tháng 5-8/2024" is May to August (tuning p1857), not 5 August; with no year, nothing
        ("Thời gian tổ chức từ tháng 5-8/2024, tập trung", [(dt.date(2024, 5, 1), dt.date(2024, 8, 1), True)]),
        ("từ tháng 6-8, các đội hình", []),
        # p584, ul07, ym06: a span of months as the texts write it
        ("được tổ chức từ tháng 6 đến tháng 8 năm 2024, thông qua", [(dt.date(2024, 6, 1), dt.date(2024, 8, 1), True)]),
        ("Từ tháng 2-4/ 2023, Ban thường vụ Huyện đoàn", [(dt.date(2023, 2, 1), dt.date(2023, 4, 1), True)]),
        ("giám sát trong thời gian tháng 4 và tháng 5/2017.", [(dt.date(2017, 4, 1), dt.date(2017, 5, 1), True)]),
        # two months apart: each its own
        ("trong tháng 3 và tháng 9/2024", [(dt.date(2024, 3, 1), None, False), (dt.date(2024, 9, 1), None, True)]),
        # p1588: a quarter something is held in; a quarter's tasks or results are no time of a gathering
        ("đại hội thành lập Hội sẽ diễn ra vào quý IV-2024.", [(dt.date(2024, 10, 1), dt.date(2024, 12, 1), True)]),
        ("được tổ chức trong quý I, các đoàn", [(dt.date(2024, 1, 1), dt.date(2024, 3, 1), False)]),
        ("Hội nghị triển khai nhiệm vụ quý IV năm 2018.", []),
        ("Tết Quý Mão, bà con", []),
        # the end of a quarter is that quarter (events battery, file l: "Đại hội … tổ chức vào cuối quý IV/2023")
        ("Đại hội toàn quốc tổ chức vào cuối quý IV/2023.", [(dt.date(2023, 10, 1), dt.date(2023, 12, 1), True)]),
    ],
)
def test_spans_of_months_and_quarters(text, expected):
    hits = find_dates(text, default_year=2024)
    assert [(h.day, h.end_day, h.has_year) for h in hits] == expected
    assert all(h.precision == "month" for h in hits)


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("Ngày 10 tháng bảy 2015, tại văn phòng", dt.date(2015, 7, 10)),  # jl06
        ("ngày 5 tháng Mười Một năm 2020 tại", dt.date(2020, 11, 5)),
        ("vào ngày 2 tháng tư năm 2019,", dt.date(2019, 4, 2)),
    ],
)
def test_a_day_whose_month_is_written_in_words(text, day):
    assert [(h.day, h.has_year) for h in find_dates(text)] == [(day, True)]
    assert find_dates("ngày 11 tháng Chạp năm Đinh Dậu") == []  # a lunar month, and no year in figures


def test_a_campaign_over_months_is_one_event_to_its_last_months_end():
    text = "Chiến dịch thanh niên tình nguyện hè được Huyện đoàn tổ chức từ tháng 6 đến tháng 8 năm 2024.\n"
    (visit,) = draft_of(text).visits
    assert (visit.date_start, visit.date_end, visit.date_precision) == ("2024-06-01", "2024-08-31", "month")
    assert event_keys(draft_of(text)) == {"2024-06..2024-08"}


def test_span_of_an_inspection_round():
    text = (
        "Các đoàn kiểm tra của Ban Chỉ đạo Trung ương tiến hành từ tháng 3-2020 và hoàn thành trước ngày 30-5-2020.\n"
    )
    visit = draft_of(text).visits[0]
    assert (visit.date_start, visit.date_precision, visit.date_end) == ("2020-03-01", "month", "2020-05-30")
    assert (visit.kind, visit.body, visit.body_level) == ("kiem_tra", "Ban Chỉ đạo Trung ương", "central")


@pytest.mark.parametrize(
    ("text", "day", "end"),
    [
        ("Trong 3 ngày từ ngày 28/8-30/8/2018 đoàn kiểm tra", dt.date(2018, 8, 28), dt.date(2018, 8, 30)),
        ("các đoàn làm việc từ ngày 12-4 đến 15-6-2021", dt.date(2021, 4, 12), dt.date(2021, 6, 15)),
        ("diễn ra từ ngày 16.7 đến ngày 30.7.2018 với", dt.date(2018, 7, 16), dt.date(2018, 7, 30)),
        ("Sáng ngày 16.7.2018, tại khu phố", dt.date(2018, 7, 16), None),
    ],
)
def test_spans_with_the_month_written_twice(text, day, end):
    assert [(h.day, h.end_day, h.has_year) for h in find_dates(text)] == [(day, end, True)]


@pytest.mark.parametrize(
    ("text", "day", "end", "weekday"),
    [
        ("Sáng nay (31-7), đoàn công tác", dt.date(2024, 7, 31), None, None),
        ("diễn ra chiều qua (23/7), bà", dt.date(2024, 7, 23), None, None),
        ("Chiều 11/12, Ban Dân vận", dt.date(2024, 12, 11), None, None),
        ("Ngày 15-3, đoàn khảo sát", dt.date(2024, 3, 15), None, None),
        ("Trong hai ngày 5-6/6, đoàn", dt.date(2024, 6, 5), dt.date(2024, 6, 6), None),
        ("Trong các ngày 20 và 21/6, Ban", dt.date(2024, 6, 20), dt.date(2024, 6, 21), None),
        ("từ ngày 5 đến 7/6, đoàn", dt.date(2024, 6, 5), dt.date(2024, 6, 7), None),
        ("từ ngày 5/6 - 7/6, đoàn", dt.date(2024, 6, 5), dt.date(2024, 6, 7), None),
        ("Từ 20 - 24/5, 100 đại biểu", dt.date(2024, 5, 20), dt.date(2024, 5, 24), None),  # "từ" alone opens it
        ("từ 5 đến 7/6, đoàn", dt.date(2024, 6, 5), dt.date(2024, 6, 7), None),
        ("Sáng thứ Hai (15/4), đoàn", dt.date(2024, 4, 15), None, 0),
        ("Sáng ngày 09 và ngày 10/6, Ban", dt.date(2024, 6, 9), dt.date(2024, 6, 10), None),  # tuning p1876
        ("Kế hoạch số 01, ngày 6/3, phát động", dt.date(2024, 3, 6), None, None),  # a number, then its date (p1423)
    ],
)
def test_yearless_date_forms(text, day, end, weekday):
    hits = find_dates(text, default_year=2024)
    assert [(h.day, h.end_day, h.has_year, h.weekday) for h in hits] == [(day, end, False, weekday)]


@pytest.mark.parametrize("text", ["đạt 16.7 điểm", "tỷ lệ 13/18 - 20/25 đơn", "có 5/6 - 7/8 xã", "đạt 5, 6/12 xã"])
def test_decimals_and_fractions_are_not_spans(text):
    assert find_dates(text, default_year=2024) == []


def test_a_time_stamped_header_line_is_the_publication_date(registry):
    text = (
        "Kiểm tra việc thực hiện Quy chế dân chủ tại bốn phường của quận Hoàn Kiếm (22:39 18/07/2019)\n"
        "Chiều 18/7, đoàn kiểm tra số 1 của Thành ủy, do đồng chí Nguyễn Văn An, Trưởng ban Dân vận Thành ủy làm "
        "trưởng đoàn, đã kiểm tra công tác thực hiện quy chế dân chủ tại quận Hoàn Kiếm.\n"
    )
    draft = draft_of(text, registry)
    assert draft.source.published == "2019-07-18"
    visit = draft.visits[0]
    assert (visit.date_start, visit.body, visit.body_level, visit.province) == (
        "2019-07-18",
        "Thành ủy",
        "province",  # Hà Nội's own committee, though a district is named
        "01",
    )


@pytest.mark.parametrize(
    ("sentence", "day"),
    [
        (
            "Ngày 5/7, Ban Dân vận Tỉnh ủy tổ chức Hội nghị sơ kết 6 tháng đầu năm, nhiệm vụ 6 tháng cuối năm 2022.",
            "2022-07-05",
        ),
        (
            "Ngày 9/1, Ban Dân vận Tỉnh ủy tổ chức hội nghị tổng kết năm 2019, triển khai nhiệm vụ năm 2020.",
            "2020-01-09",
        ),
        (
            "Ngày 20/12, Ban Dân vận Tỉnh ủy tổ chức hội nghị tổng kết năm 2019, triển khai nhiệm vụ năm 2020.",
            "2019-12-20",
        ),
    ],
)
def test_without_a_publication_date_a_yearless_date_takes_its_sentences_year(sentence, day):
    visit = draft_of(sentence + "\n").visits[0]
    assert (visit.date_start, visit.body) == (day, "Ban Dân vận Tỉnh ủy")
    assert "cùng câu" in visit.date_note


def test_a_date_with_no_year_anywhere_keeps_its_event_and_body_undated():
    text = "Chiều 16/5, Thường trực Tỉnh ủy làm việc với Ban Tuyên giáo và Dân vận Tỉnh ủy về kết quả công tác.\n"
    visit = draft_of(text).visits[0]
    assert (visit.date_start, visit.body, visit.body_level) == (None, "Thường trực Tỉnh ủy", "province")
    assert "không ghi năm" in visit.date_note and visit.confidence <= 0.3


def test_issuing_a_document_is_not_an_event_and_a_span_is():
    text = (
        "Ngày 01/8/2018, Ban Thường vụ Huyện ủy ban hành Quyết định số 4591-QĐ/HU về việc kiểm tra đối với Đảng ủy "
        "các xã.\nTrong 3 ngày từ ngày 28/8-30/8/2018 đoàn kiểm tra Huyện ủy đã làm việc với Đảng ủy 3 xã.\n"
    )
    draft = draft_of(text)
    assert [(v.date_start, v.date_end, v.body, v.body_level) for v in draft.visits] == [
        ("2018-08-28", "2018-08-30", "Huyện ủy", "district")
    ]
    assert [d.code for d in draft.documents] == ["4591-QĐ/HU"]


def test_the_headlines_undated_visit_gives_way_to_the_dated_one():
    text = (
        "Đảng - đoàn thể\nHuyện ủy kiểm tra việc thực hiện chủ đề công tác năm 2018\n"
        "Thực hiện kế hoạch kiểm tra, giám sát năm 2018, các xã đã chuẩn bị báo cáo.\nẢnh: buổi làm việc\n"
        "Trong 3 ngày từ ngày 28/8-30/8/2018 đoàn kiểm tra Huyện ủy đã làm việc với Đảng ủy 3 xã.\n"
    )
    assert [(v.date_start, v.body) for v in draft_of(text).visits] == [("2018-08-28", "Huyện ủy")]


def test_the_pages_date_gives_way_to_a_gathering_day_the_event_model_finds():
    """Round 40's p1408: the rules read no event in "Sáng ngày 09/8, lãnh đạo … tiến hành nghiệm thu và bàn giao …"
    and dated the undated "Theo đó, đoàn đã tiến hành … bàn giao nhà" by the page; the model finds the 9th (H1 holds
    only for want of a dated gathering)."""
    text = (
        "ỦY BAN MTTQ VIỆT NAM HUYỆN NGHĨA HÀNH: NGHIỆM THU, BÀN GIAO NHÀ ĐẠI ĐOÀN KẾT\n\n10/08/2023 05:03:54 PM\n\n"
        "Sáng ngày 09/8, lãnh đạo Ban Thường trực Uỷ ban MTTQ Việt Nam huyện Nghĩa Hành, lãnh đạo Đảng ủy-HĐND-UBND-"
        "UBMTTQVN và các Hội, Đoàn thể xã Hành Đức tiến hành nghiệm thu và bàn giao 04 nhà Đại đoàn kết cho hộ nghèo."
        "\n\n"
        "Theo đó, đoàn đã tiến hành nghiệm thu và bàn giao nhà cho hộ bà Võ Thị Dưỡng, thôn Kỳ Thọ Bắc.\n"
    )
    assert [v.date_start for v in draft_of(text).visits] == ["2023-08-09"]
    # … but stays when the text writes the page's day too (round 41's p1438: left on the 18th, handed over the 19th)
    text = (
        " date 2025-10-18 Đoàn công tác gồm đại diện cán bộ, hội viên và tình nguyện viên Hội Chữ thập đỏ tỉnh, do ông "
        "Hà Văn Cát-Chủ tịch Hội làm Trưởng đoàn.\n"
        "Sáng 18-10, đoàn xuất phát từ trụ sở Hội Chữ thập đỏ tỉnh Gia Lai (374 Trần Hưng Đạo, phường Quy Nhơn), mang "
        "theo 150 triệu đồng tiền mặt cùng hàng hóa, lương thực, thực phẩm.\n"
        "Dự kiến, ngày 19-10, đoàn sẽ trao quà hỗ trợ người dân bị ảnh hưởng nặng nề bởi bão lũ tại tỉnh Hà Tĩnh.\n"
    )
    assert sorted(v.date_start for v in draft_of(text).visits) == ["2025-10-18", "2025-10-19"]


def test_the_event_model_weighs_a_gathering_the_page_dates():
    """H1 dates an undated gathering by the page; the model now weighs that reading too (tuning five-fold: 73 extra
    dates to 67-68, missed unchanged). Work of the past months ("Thời gian qua, tỉnh đều tổ chức gặp mặt …") is no
    gathering of the page's day: dropped, with a note; a habit ("Hằng năm, tỉnh đều tổ chức gặp mặt …", p1516) the
    rules set aside themselves (ai03); a gathering "vừa tổ chức" stays."""
    habit = (
        " date 2021-02-17 Gia Lai: Phát huy vai trò người có uy tín trong đồng bào dân tộc thiểu số\n\n"
        "Thời gian qua, tỉnh đều tổ chức gặp mặt các già làng, người có uy tín, chức sắc tôn giáo để thông tin về tình "
        "hình kinh tế, chính trị, đồng thời tuyên dương, khen thưởng kịp thời các cá nhân tiêu biểu.\n"
    )
    draft = draft_of(habit)
    assert draft.visits == []
    assert [n[:40] for n in draft.source.notes if "theo mô hình" in n] == ["Bỏ sự kiện 17/02/2021 mà các quy tắc đọc"]
    yearly = draft_of(habit.replace("Thời gian qua", "Hằng năm"))
    assert (yearly.visits, [n for n in yearly.source.notes if "theo mô hình" in n]) == ([], [])
    held = " date 2024-05-06 Hội LHPN huyện Lâm Hà vừa tổ chức gặp mặt 50 hội viên phụ nữ tiêu biểu năm 2023.\n"
    assert [v.date_start for v in draft_of(held).visits] == ["2024-05-06"]


def test_a_day_opening_its_sentence_is_weighed_though_no_event_word_follows():
    """ "Sáng ngày 14/03/2024 tại ấp Ngọc Trung, Ban chỉ đạo … tiếp tục thực hiện công trình phần việc" names no
    gathering the rules know, yet the day opens its sentence after "Sáng ngày": the model weighs it (tuning p1217,
    p735; five-fold right 1.492 → 1.501, extra 114 → 118, missed 129 → 120). A page's dateline is not such a day."""
    month = (
        "Thực hiện kế hoạch số: 37-KH/ĐTN, ngày 27/02/2024 của Ban thường vụ xã Đoàn Ngọc Thành về việc “Tổ chức "
        "Tháng Thanh niên năm 2024.\nSáng ngày 14/03/2024 tại ấp Ngọc Trung, Ban chỉ đạo Tháng thanh niên tiếp tục "
        "thực hiện công trình phần việc trong tháng thanh niên năm 2024.\n"
    )
    assert sorted(event_keys(draft_of(month))) == ["2024-03-14"]
    green = (
        "Ngày 21 tháng 3 năm 2021, xã Đoàn Vĩnh Thạnh thực hiện “Ngày chủ nhật xanh” trên địa bàn xã, nội dung hoạt "
        "động gồm: thu gom rác thải.\n"
    )
    assert sorted(event_keys(draft_of(green))) == ["2021-03-21"]
    dateline = (
        "Hiệu quả từ phong trào “Dân vận khéo” ở Hà Giang\nThứ Sáu, ngày 23 tháng 08 năm 2019, 09:25:27\n"
        "Phong trào thi đua “Dân vận khéo” đã lan tỏa rộng khắp trên địa bàn tỉnh, với nhiều mô hình hay.\n"
    )
    assert event_keys(draft_of(dateline)) == set()


def test_a_congress_told_by_its_sessions_on_two_days_running_is_one_gathering():
    """Tuning iz08, nw01, p1054: a congress's first and second sessions on two days running are one gathering of two
    days; its preparatory session the day before is one of its own."""
    text = (
        "17/11/2025 11:07 GMT+7\n"
        "Sáng 17.11, Đại hội đại biểu MTTQ Việt Nam tỉnh Quảng Trị lần thứ 1, nhiệm kỳ 2025 - 2030 bước vào phiên thứ "
        "2 với đầy đủ các nghi thức.\n"
        "Trước đó, chiều 16.11, Đại hội phiên thứ nhất đã tiến hành hiệp thương cử Ủy ban MTTQ Việt Nam tỉnh.\n"
    )
    (joined,) = draft_of(text).visits
    assert (joined.date_start, joined.date_end) == ("2025-11-16", "2025-11-17")
    assert [n[:35] for n in joined.notes if n.startswith("Gộp")] == ["Gộp với phiên ngày 17/11/2025 (“Sán"]
    text = (
        "(BDO) Chiều 4-10, phiên trù bị Đại hội đại biểu Phụ nữ tỉnh Bình Dương lần thứ X, nhiệm kỳ 2016-2021 diễn ra "
        "tại Hội trường tỉnh. Ngày 5-10, Đại hội tiến hành phiên chính thức và dự kiến sẽ bế mạc ngày 6-10.\n"
    )
    assert event_keys(draft_of(text, published="2016-10-04")) == {"2016-10-04", "2016-10-05..2016-10-06"}


def test_a_launch_day_and_the_campaign_it_opens_are_two_events():
    text = (
        "Sáng ngày 16.7.2018, tại khu phố 3, Ủy ban nhân dân Thị trấn tổ chức ra quân làm công tác dân vận.\n"
        "Theo kế hoạch, đợt công tác diễn ra từ ngày 16.7 đến ngày 30.7.2018 với các hoạt động tổ chức lao động.\n"
    )
    visits = draft_of(text).visits
    assert [(v.date_start, v.date_end, v.body, v.body_level) for v in visits] == [
        ("2018-07-16", None, "Ủy ban nhân dân Thị trấn", "commune"),
        ("2018-07-16", "2018-07-30", "Ủy ban nhân dân Thị trấn", "commune"),
    ]
    # a launch the rules read as a round held in many places, which the event model takes: the campaign's span does
    # not swallow it (qb06)
    text = (
        "23/12/2022 08:15\n"
        "Tây Ninh: Ra quân phối hợp làm công tác dân vận đợt 2 năm 2022\n"
        "Sáng ngày 16/12/2022, đồng loạt 10 phường, xã trên địa bàn thành phố Tây Ninh tổ chức ra quân phối hợp làm "
        "công tác dân vận đợt 2 năm 2022. Đến dự lễ ra quân tại đơn vị điểm phường Ninh Sơn có đồng chí Bí thư Thành "
        "ủy.\nĐợt ra quân làm công tác dân vận trên địa bàn Thành phố diễn ra trong 15 ngày, từ ngày 16/12 – 30/12, "
        "với nhiều hoạt động thiết thực như: tuyên truyền chủ trương, chính sách của Đảng trong nhân dân.\n"
    )
    assert event_keys(draft_of(text)) == {"2022-12-16", "2022-12-16..2022-12-30"}
    # the launch and the span in one sentence (fresh tuning li02); a gathering of a few days is one event
    text = (
        "Ngày 8/5/2024, Hội Chữ thập đỏ tỉnh Nam Định tổ chức Lễ phát động Tháng Nhân đạo năm 2024 với chủ đề “Hành "
        "trình nhân đạo - Trao nhận yêu thương”, diễn ra từ ngày 1 đến ngày 31/5.\n"
    )
    assert event_keys(draft_of(text)) == {"2024-05-08", "2024-05-01..2024-05-31"}
    assert event_keys(draft_of(text.replace("từ ngày 1 đến ngày 31/5", "từ ngày 8 đến ngày 9/5"))) == {"2024-05-08"}


def test_a_yearless_first_day_takes_the_year_at_the_end_of_its_span():
    text = "Đoàn kiểm tra của Ban Dân vận Tỉnh ủy làm việc từ ngày 28/12 đến ngày 5/1/2019 tại các huyện.\n"
    visit = draft_of(text, published="2019-01-10").visits[0]
    assert (visit.date_start, visit.date_end) == ("2018-12-28", "2019-01-05")


def test_a_history_date_is_not_the_event():
    text = "Kỷ niệm Ngày truyền thống công tác dân vận (15/10/1930), Ban Dân vận Tỉnh ủy tổ chức hội nghị ngày 14/10.\n"
    visit = draft_of(text, published="2020-10-16").visits[0]
    assert (visit.date_start, visit.body) == ("2020-10-14", "Ban Dân vận Tỉnh ủy")


def test_an_anniversary_is_history_and_names_the_year():
    text = (
        "Ngày 23/10, Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Tiền Giang tổ chức hội nghị triển khai quyết định. "
        "Dịp này, Ủy ban triển khai hướng dẫn tổ chức Ngày hội để kỷ niệm 84 năm Ngày thành lập Mặt trận "
        "(  18-11-1930/ 18-11- 2014 ).\n"
    )
    draft = draft_of(text)
    assert [v.date_start for v in draft.visits] == ["2014-10-23"]  # the year of the anniversary's later date


@pytest.mark.parametrize(
    "sentence",
    [
        "Sáng 12/3/2023, Ban Dân vận Huyện ủy phát động phong trào thi đua “Dân vận khéo” trên địa bàn huyện.",
        "Ngày 12/3/2023, Ban Dân vận Tỉnh ủy mở lớp tập huấn nghiệp vụ công tác dân vận cho cán bộ cơ sở.",
        "Chiều 12/3/2023, Ban Dân vận Tỉnh ủy biểu dương 20 mô hình “Dân vận khéo” tiêu biểu của tỉnh.",
    ],
)
def test_ceremonies_and_trainings_are_events(sentence):
    assert [v.date_start for v in draft_of(sentence + "\n").visits] == ["2023-03-12"]


def test_a_campaign_month_over_a_span_is_an_event():
    text = (
        "Chiều 18.10, Ủy ban MTTQ Việt Nam huyện tổ chức lễ phát động Tháng cao điểm “Vì người nghèo” năm 2019. "
        "Tháng cao điểm “Vì người nghèo” từ ngày 17/10 đến ngày 18/11/2019.\n"
    )
    assert sorted((v.date_start, v.date_end) for v in draft_of(text).visits) == [
        ("2019-10-17", "2019-11-18"),
        ("2019-10-18", None),
    ]
    # fresh text tw09: a round of work launched on its first day, its span written after
    launched = (
        "Sáng ngày 16/7, UBND xã Trường Đông tổ chức phối hợp cùng đoàn thể ra quân thực hiện công tác dân vận đợt 1 "
        "năm 2020. Đợt công tác kéo dài 15 ngày, bắt đầu từ ngày 16 – 30/07/2020.\n"
    )
    assert event_keys(draft_of(launched)) == {"2020-07-16", "2020-07-16..2020-07-30"}
    # fresh text ul06: the round that carries a resolution to the branches is a gathering over its span
    taught = "Từ ngày 29/5/2020 đến 26/6/2020, các đơn vị Hội trực thuộc đã triển khai nghị quyết tại cơ sở.\n"
    assert event_keys(draft_of(taught)) == {"2020-05-29..2020-06-26"}


def test_a_campaigns_months_after_its_launch_day_are_an_event_of_their_own():
    # fresh text ox02: the months the campaign is planned over, written after its launch, described by the work it
    # will do, not a tally of work done
    text = (
        "Chiều ngày 26/06, Ban chỉ đạo hè huyện Hớn Quản tổ chức Ra quân chiến dịch thanh niên tình nguyện hè "
        "năm 2023. "
        "Theo đó, chiến dịch Thanh niên tình nguyện hè năm nay được triển khai sôi nổi từ tháng 6 đến tháng 8/2023 với "
        "nhiều công trình, phần việc thanh niên thiết thực.\n"
    )
    assert event_keys(draft_of(text, published="2023-06-27")) == {"2023-06-26", "2023-06..2023-08"}
    # the same months without a launch the text dates are the period the year's work falls in, no event beside a day
    reviewed = (
        "Ngày 26/6/2023, Ban Dân vận Huyện ủy làm việc với Đảng ủy xã. Theo đó, công tác dân vận từ tháng 1 đến tháng "
        "5/2023 được triển khai sôi nổi.\n"
    )
    assert event_keys(draft_of(reviewed, published="2023-06-27")) == {"2023-06-26"}


def test_a_target_after_a_campaigns_span_is_no_tally():
    # fresh text ie09: "dự kiến thu hút hơn 700.000 lượt" is what the campaign aims at, not work counted
    text = (
        "Sáng ngày 11.6, Thành đoàn TP Hồ Chí Minh tổ chức lễ ra quân các chiến dịch tình nguyện hè năm 2023. "
        "Mùa hè tình nguyện năm 2023 của thanh niên TP Hồ Chí Minh sẽ được diễn ra từ ngày 11.6 đến ngày 6.8, dự kiến "
        "thu hút hơn 700.000 lượt thanh niên tham gia.\n"
    )
    assert event_keys(draft_of(text)) == {"2023-06-11", "2023-06-11..2023-08-06"}
    tallied = text.replace("sẽ được diễn ra", "đã diễn ra").replace("dự kiến thu hút", "thu hút")
    assert event_keys(draft_of(tallied)) == {"2023-06-11"}


def test_a_weekday_date_line_with_a_glued_view_count_is_the_publication_date():
    text = (
        "Hớn Quản tổ chức Tọa đàm về công tác dân vận ở cơ sở\nChủ nhật - 09/10/2022 22:584120\n"
        "Ngày 07/10/2022, tại Hội trường UBND huyện, Ban Dân vận Huyện ủy Hớn Quản đã tổ chức buổi tọa đàm.\n"
    )
    draft = draft_of(text)
    assert draft.source.published == "2022-10-09"
    assert values(draft) == []  # the time and the view count are no measures


def test_a_recent_undated_lede_event_takes_the_page_date():
    text = (
        "Thứ Năm, 25/4/2024\nTin hoạt động dân vận trong tuần qua\n"
        "Vừa qua, Ban Dân vận Huyện ủy tổ chức đoàn khảo sát mô hình dân vận khéo tại các xã.\n"
    )
    visit = draft_of(text).visits[0]
    assert (visit.date_start, visit.body, visit.body_level, visit.kind) == (
        "2024-04-25",
        "Ban Dân vận Huyện ủy",
        "district",
        "khao_sat",
    )


def test_an_opinion_survey_held_is_a_survey():
    """The Front's survey of opinion among a commune's people (fresh tuning text vi08), told under the page's stamp."""
    text = (
        "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh tổ chức điều tra dư luận xã hội tại xã Mỹ Đức\n01:12 04/10/2019\n"
        "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh, Trung tâm Nghiên cứu Khoa học Xã hội và Nhân văn tổ chức điều tra dư "
        "luận xã hội về những vấn đề bức xúc của người dân.\n"
    )
    (visit,) = draft_of(text, province="89").visits
    assert (visit.date_start, visit.kind, visit.body_level) == ("2019-10-04", "khao_sat", "province")


# --- numbers --------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [("1.973", 1973), ("81,77", 81.77), ("40.766", 40766), ("15,75", 15.75), ("9.500", 9500), ("1.000.000", 1000000)],
)
def test_parse_number(text, value):
    assert parse_number(text) == value


def only(sentence: str):
    found = measures(sentence, [])
    assert len(found) == 1, found
    return found[0]


def test_thousands_dot_and_subject():
    m = only("Giai đoạn 2017 – 2020, toàn tỉnh xây dựng được 1.973 mô hình, điển hình Dân vận khéo.")
    assert (m.value, m.unit, m.subject) == (1973, "count", "mô hình")


def test_decimal_comma_percent():
    m = only("Đưa tỷ lệ hồ sơ thủ tục hành chính xử lý trực tuyến mức độ 3, 4 đạt 81,77%, xếp thứ 5 toàn quốc")
    assert (m.value, m.unit) == (81.77, "percent")


def test_a_percentage_written_the_english_way():
    """Fresh texts ux02 and uz13: "91.5 %" and "97.2%" (a dot before one or two digits groups no thousands)."""
    m = only("Kết quả, năm 2014 có 91.5 % gia đình đạt danh hiệu Gia đình văn hóa.")
    assert (m.value, m.unit) == (91.5, "percent")
    m = only("Đến nay, 2111/2158 hộ gia đình đạt 97.2%.")
    assert (m.value, m.numerator, m.denominator, m.unit) == (97.2, 2111, 2158, "percent")
    assert [(f.value, f.unit) for f in measures("có 1.250 hộ và 97.500 người", [])] == [
        (1250, "count"),
        (97500, "count"),
    ]


def test_festival_days_are_counted_and_days_of_a_festival_are_how_long():
    """Fresh text ux01: "133 ngày hội “Tết Độc lập”" are 133 festivals; "trong 3 ngày hội thao" is how long."""
    assert (only("trong đó có 133 ngày hội “Tết Độc lập” ở các khu dân cư.").value) == 133
    assert measures("Hội thao diễn ra trong 3 ngày hội thao sôi nổi.", []) == []
    assert measures("Trong 2 ngày hội nghị, các đại biểu thảo luận.", []) == []


def test_an_age_range_is_no_count_but_the_people_in_it_are():
    """w511: "trong độ tuổi từ 18-55" says who, not how many."""
    assert measures("khảo sát lao động nữ trong độ tuổi từ 18-55 trên địa bàn huyện.", []) == []
    assert [f.value for f in measures("trong độ tuổi 16 – 30 có 45 thanh niên tham gia.", [])] == [45]


def test_fraction_with_its_percentage_is_one_number():
    m = only("đến nay đã có 166/200 xã, phường, thị trấn triển khai (đạt 80%).")
    assert (m.value, m.numerator, m.denominator, m.unit, m.subject) == (80, 166, 200, "percent", "xã")


def test_fraction_with_its_share_in_brackets():
    m = only("Đến hết ngày 20-10, có 135/135 (100%) đơn vị cấp xã tổ chức thành công Đại hội")
    assert (m.value, m.numerator, m.denominator, m.unit, m.subject) == (100, 135, 135, "percent", "đơn vị")
    # the noun between them (ab07)
    m = only("Đến nay, cả nước có 6.022/8.177 xã (73,65%) đạt chuẩn nông thôn mới.")
    assert (m.value, m.numerator, m.denominator, m.unit, m.subject) == (73.65, 6022, 8177, "percent", "xã")


def test_bracketed_share_that_does_not_agree_stays_apart():
    found = measures("có 30/135 (50%) đơn vị cấp xã", [])
    assert [(f.value, f.numerator, f.denominator, f.unit) for f in found] == [
        (30, 30, 135, "count"),
        (50, None, None, "percent"),
    ]


def test_parts_of_a_total_with_their_shares():
    found = measures(
        "số lượng ủy viên khóa XV là 85 người, trong đó ngoài Đảng 21 người (24,7%); dân tộc thiểu số 11 người "
        "(12,94%); tái cử 40 người (47,05%); có 35 hộ nghèo (26%).",
        [],
    )
    assert [(f.value, f.numerator, f.denominator, f.unit) for f in found] == [
        (85, None, None, "count"),
        (24.7, 21, 85, "percent"),
        (12.94, 11, 85, "percent"),
        (47.05, 40, 85, "percent"),
        (35, None, None, "count"),  # 35/85 is not 26%: two figures
        (26, None, None, "percent"),
    ]


def test_counts_listed_by_name_and_capitalised_members():
    found = measures("Trong đó, TP. Điện Biên Phủ 13 mô hình; Nậm Pồ 2 mô hình; Sở Văn hóa 3 mô hình…", [])
    assert [(f.value, f.subject, f.breakdown) for f in found] == [
        (13, "mô hình", "TP. Điện Biên Phủ"),
        (2, "mô hình", "Nậm Pồ"),
        (3, "mô hình", "Sở Văn hóa"),
    ]
    assert measures("tuyên truyền nghị quyết 15 Đảng bộ tỉnh", []) == []  # a resolution's number
    found = measures("Đại hội cử 57 Ủy viên; Ban Thường trực gồm 10 người (Chủ tịch và 9 Phó chủ tịch).", [])
    assert [f.value for f in found] == [57, 10, 9]
    assert [f.value for f in measures("đã thành lập 3 Hội đồng tư vấn, với 26 thành viên", [])] == [3, 26]
    assert measures("cầu Nhật Lệ 3, dự án đường", []) == []  # a name's number, listed once


def test_ten_thousands_ids_and_a_share_after_a_term():
    assert [(m.value, m.unit) for m in measures("dân số trên 30 vạn người", [])] == [(300000, "count")]
    assert measures("136359262 413844123216744 2776219538233339516 n", []) == []  # page code, not figures
    found = measures(
        "có 120/152 cơ sở Hội tổ chức Đại hội nhiệm kỳ 2018 - 2023 (đạt 78,94%); Tri Tôn 15/15 (đat 100%)", []
    )
    assert [(f.value, f.numerator, f.denominator) for f in found] == [(78.94, 120, 152), (100, 15, 15)]


def test_a_range_of_shares_without_from():
    found = measures("phối hợp hòa giải thành ở cơ sở 80-85%, thực hiện tốt vai trò giám sát", [])
    assert [(f.value, f.unit) for f in found] == [(80, "percent"), (85, "percent")]
    assert [f.value for f in measures("tỷ lệ từ 95 - 98% gia đình", [])] == [95, 98]  # the "từ" path, unchanged


def test_an_amount_written_in_two_parts():
    found = measures("xã Triệu Lộc ủng hộ 261 triệu 250 nghìn đồng; tổng trị giá hơn 2 tỷ 500 triệu đồng", [])
    assert [(f.value, f.unit, f.qualifier) for f in found] == [
        (261_250_000, "vnd", None),
        (2_500_000_000, "vnd", "hơn"),
    ]


def test_fraction_without_percentage():
    m = only("trong đó có 352/376 đơn đủ điều kiện xử lý")
    assert (m.value, m.numerator, m.denominator, m.unit) == (352, 352, 376, "count")


@pytest.mark.parametrize(
    ("sentence", "value", "qualifier", "unit", "subject"),
    [
        ("gây quỹ giúp đỡ hơn 9.500 phần quà", 9500, "hơn", "count", "phần quà"),
        ("với tổng giá trị gần 5 tỷ đồng", 5_000_000_000, "gần", "vnd", "đồng"),
        ("giúp đỡ hơn 17 ngàn suất quà", 17_000, "hơn", "count", "suất quà"),
        ("hỗ trợ 2,5 triệu đồng", 2_500_000, None, "vnd", "đồng"),
        # exact, with no binary residue (8,3 × 10⁹ in floats is 8.300.000.000,000001)
        ("tổng dư nợ đạt hơn 8,3 tỷ đồng", 8_300_000_000, "hơn", "vnd", "đồng"),
        ("vay qua các chương trình với tổng dư nợ trên 11 tỷ", 11e9, "trên", "vnd", "đồng"),  # fresh text uy04
        ("và phần quà trị giá hơn 200.000. Kinh phí", 200_000, "hơn", "vnd", "đồng"),  # its "đồng" left unsaid
        ("vận động được 2 tỷ 350 triệu đồng", 2_350_000_000, None, "vnd", "đồng"),
        ("xây dựng trên 1.000 mô hình", 1000, "trên", "count", "mô hình"),
        ("trao 12 nghìn suất quà", 12_000, None, "count", "suất quà"),
        # tens in words (fresh text tn04)
        ("chúc thọ cho gần 7 chục hội viên", 70, "gần", "count", "hội viên"),
        ("quyên góp được gần 2 chục triệu đồng", 20_000_000, "gần", "vnd", "đồng"),
        ("quyên góp ủng hộ được 61.794.000đ.", 61_794_000, None, "vnd", "đồng"),  # "đ" glued to the number
        ("nhân dân đóng góp 193 nghìn ngày công", 193_000, None, "count", "ngày công"),  # work-days, no duration
        ("Quỹ vì người nghèo 4 cấp đã vận động được 705 tỉ đồng", 705e9, None, "vnd", "đồng"),  # "4 cấp": levels
        ("huy động được hơn 1,8 tỷ đồng", 1_800_000_000, "hơn", "vnd", "đồng"),
        ("UBMTTQVN tỉnh hỗ trợ 25 triệu đồng/nhà", 25_000_000, None, "vnd", "đồng"),
        ("thực hiện các Nghị quyết Trung ương 7 khóa IX, có 63 tỉnh thành", 63, None, "count", "tỉnh thành"),
    ],
)
def test_qualifiers_and_multipliers(sentence, value, qualifier, unit, subject):
    m = only(sentence)
    assert (m.value, m.qualifier, m.unit, m.subject) == (value, qualifier, unit, subject)


def test_average_and_estimate():
    draft = draft_of(
        "Toàn huyện đạt 378 tiêu chí NTM, bình quân đạt 15,75 tiêu chí/xã. "
        "Dự ước đến cuối năm 2023, toàn huyện có 99 vườn kiểu mẫu.\n",
        published="2023-11-19",
    )
    obs = {o.value: o for o in draft.observations}
    assert obs[15.75].unit == "average"
    assert (obs[99].status, obs[99].period) == ("estimated", "2023")
    assert obs[378].status == "reported"


def test_periods():
    text = (
        "Giai đoạn 2021 - 2023, có 1.291 mô hình Dân vận khéo được đăng ký. "
        "Đến nay, tỉnh có 96/181 xã đạt chuẩn nông thôn mới, đạt tỷ lệ 53%. "
        "Trong năm đã có 47 mô hình cấp huyện đăng ký (tăng 276 mô hình so với năm 2020).\n"
    )
    obs = {o.value: o for o in draft_of(text, published="2024-04-25").observations}
    assert obs[1291].period == "2021-2023" and obs[1291].period_note is None
    assert (obs[53].period, obs[53].numerator, obs[53].denominator) == ("2024-04-25", 96, 181)
    assert "đến nay" in obs[53].period_note
    assert obs[47].period == "2024" and "trong năm" in obs[47].period_note
    assert obs[276].period == "2024"  # "so với năm 2020" is the baseline, not the period


def test_a_term_that_opens_a_paragraph_is_the_period_of_its_results(registry):
    """Conventions p106: "Nhiệm kỳ 2016 - 2021, …" gives its paragraph's figures the term (fresh tuning texts tv05,
    tv14); a term naming a congress in the same sentence as a figure gives none. The term's end after 1/7/2025 does
    not move an undated 2022 text's province into the 34-unit scheme (tv12)."""
    text = (
        "Ngày 18/3/2022, Xã đoàn Mỹ Đông tổ chức Đại hội đại biểu Đoàn xã, nhiệm kỳ 2022 - 2027 với 120 đại biểu.\n"
        "Nhiệm kỳ 2016 - 2021, Hội Người cao tuổi huyện Tháp Mười, tỉnh Đồng Tháp đã vận động 204 hội viên mới và "
        "tặng 338 suất quà.\n"
        "Nhiệm kỳ 2022 - 2027, Đoàn xã phấn đấu kết nạp 90 đoàn viên mới.\n"
    )
    obs = {o.value: o for o in draft_of(text, registry).observations}
    assert obs[204].period == obs[338].period == "2016-2021"
    assert obs[120].period is None
    assert obs[90].period == "2022-2027" and obs[90].status == "target"
    assert obs[90].province == obs[204].province == "87"  # Đồng Tháp of the 63-unit scheme, the text's day


def test_target_holds_for_its_own_clause_only():
    obs = {
        o.value: o
        for o in draft_of(
            "Kế hoạch đề ra 150 buổi tuyên truyền, nhưng mới thực hiện 120 buổi; "
            "phấn đấu đến năm 2025 có 100% xã đạt chuẩn.\n"
        ).observations
    }
    assert (obs[150].status, obs[120].status) == ("target", "reported")
    assert (obs[100].status, obs[100].period) == ("target", "2025")


def test_indicator_ids_from_the_indicator_list():
    indicators = yaml.safe_load((ROOT / "tests" / "fixtures" / "mini" / "indicators.yaml").read_text("utf-8"))
    text = (
        "Giai đoạn 2021 - 2023, có 1.291 mô hình Dân vận khéo được đăng ký thực hiện và có 1.145 mô hình được "
        "công nhận. Đến nay có 13 sản phẩm OCOP.\n"
    )
    obs = {o.value: o.indicator for o in draft_of(text, indicators=indicators).observations}
    assert obs == {1291: "dvk_models_registered", 1145: "dvk_models_recognized", 13: "new:sản phẩm"}


def test_the_verb_before_the_next_number_is_that_numbers():
    """Hội An's report (tuning text p30, now curated): the first 501 read "được đăng ký và đã công nhận" as its own
    and was proposed as recognised; "đã công nhận" is the second 501's."""
    indicators = yaml.safe_load((ROOT / "data" / "indicators.yaml").read_text("utf-8"))
    text = (
        "Theo Ban Dân vận Thành ủy Hội An, qua 15 năm phát động, đến nay toàn thành phố có 501 mô hình “Dân vận khéo” "
        "được đăng ký và đã công nhận 501 mô hình cụ thể trên các lĩnh vực.\n"
    )
    obs = [(o.value, o.indicator) for o in draft_of(text, indicators=indicators).observations]
    assert obs == [(501, "dvk_models_registered"), (501, "dvk_models_recognized")]


def test_a_gift_package_is_one_by_either_word_and_its_worth_is_the_next_numbers():
    """A curated value (Hội LHPN, "hơn 9.500 phần quà với tổng giá trị gần 5 tỷ đồng") was proposed as a new
    indicator "phần quà": the name says "suất quà", and the words bringing in the worth were read as the count's."""
    indicators = yaml.safe_load((ROOT / "data" / "indicators.yaml").read_text("utf-8"))
    text = (
        "Năm 2023, Hội LHPN tỉnh đã vận động gây quỹ giúp đỡ đoàn viên, hội viên, đối tượng bảo trợ xã hội hơn 9.500 "
        "phần quà với tổng giá trị gần 5 tỷ đồng.\n"
    )
    obs = {o.value: o.indicator for o in draft_of(text, indicators=indicators).observations}
    assert obs[9500] == "welfare_gifts"


def test_one_shared_syllable_proposes_no_indicator():
    """ "văn hóa" shares only "hóa" with the curated "Tỷ lệ số hóa hồ sơ": a new figure named by its noun."""
    indicators = yaml.safe_load((ROOT / "data" / "indicators.yaml").read_text("utf-8"))
    text = "Năm 2023, tỷ lệ hộ gia đình đạt danh hiệu văn hóa là 81,77%. Tỷ lệ hồ sơ được số hóa đạt 65%.\n"
    obs = {o.value: o.indicator for o in draft_of(text, indicators=indicators).observations}
    assert obs == {81.77: "new:hộ gia đình đạt danh hiệu văn hóa", 65: "tthc_digitization_rate"}


# --- documents ------------------------------------------------------------------------------------------------


def codes(text: str) -> list[str]:
    return [h.code for h in find_documents(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("thực hiện Nghị quyết số 25-NQ/TW (khóa XI)", ["25-NQ/TW"]),
        # a tone mark mistyped (zj05); "chị Thị" is a person
        ("và Chị thị số 10 ngày 15/12/2016 của Ban bí thư về tăng cường", ["10-CT/TW"]),
        ("chị Thị 10 tuổi, chị thị 12", []),
        ("Nghị quyết số 25 - NQ/TW", ["25-NQ/TW"]),
        ("Chỉ thị số 33/2021/CT-TTg ngày 26/11/2021", ["33/2021/CT-TTg"]),
        ("Quy định số 605-QĐ/HU, ngày 5/11/2021", ["605-QĐ/HU"]),
        ("theo Nghị quyết 76/NQ-CP, ngày 25/7/2021", ["76/NQ-CP"]),
        ("Quyết định số 217-QĐ/TW, 218-QĐ/TW ngày 12/12/2013", ["217-QĐ/TW", "218-QĐ/TW"]),
        ("Hướng dẫn số 02-HD/BDVTU, ngày 06/10/2022", ["02-HD/BDVTU"]),
        ("Thông báo kết luận số 15-TB/TW", ["15-TB/TW"]),
        ("thành lập theo Quyết định số 720-QĐ-NS/TU ngày 24 tháng 3 năm 1990", ["720-QĐ-NS/TU"]),
        ("thực hiện Nghị quyết số 110 của Đảng bộ tỉnh Bắc Giang về", ["110-NQ/TU"]),
        ("nội dung của Nghị quyết số 02; Nghị quyết số 05 của BCH Đảng bộ huyện về", ["02-NQ/HU", "05-NQ/HU"]),
        ("Kế hoạch số 12, Kế hoạch số 15 của Ban Thường vụ Tỉnh ủy", ["12-KH/TU", "15-KH/TU"]),
        ("Kế hoạch số 12 của Tỉnh ủy và Kế hoạch số 15 đã", ["12-KH/TU"]),
        (
            "Quyết định số 290-QĐ/TW của Bộ Chính trị. Tỉnh đã cụ thể hóa Quyết định 290 bằng các văn bản.",
            ["290-QĐ/TW", "290-QĐ/TW"],
        ),
    ],
)
def test_document_codes(text, expected):
    assert codes(text) == expected


def test_a_bare_number_with_its_leading_zero_typed_apart():
    """Fresh text vc05: "Chỉ thị 0 3 của Bộ chính trị" is 03-CT/TW (it gave "0-CT/TW")."""
    text = "Hội lồng ghép với việc thực hiện Chỉ thị 0 3 của Bộ chính trị về học tập và làm theo tấm gương đạo đức."
    assert [h.code for h in find_documents(text)] == ["03-CT/TW"]
    # "số:" with its colon (fresh text vh11)
    assert [h.code for h in find_documents("thực hiện Quyết định số: 217 của Bộ Chính trị")] == ["217-QĐ/TW"]


def test_bare_numbers_completed_from_the_issuer():
    hits = find_documents(
        "Gắn với thực hiện các Quyết định số 217, Quyết định số 218 của Bộ Chính trị (khóa XI); "
        "Quy chế số 05, ngày 09/12/2021 của Ban Thường vụ Tỉnh ủy"
    )
    assert [(h.code, h.inferred) for h in hits] == [("217-QĐ/TW", True), ("218-QĐ/TW", True), ("05-QC/TU", True)]
    assert hits[2].date == "2021-12-09"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a space for the hyphen, a space after the slash
        ("triển khai Quyết định 217 QĐ/TW, 218 QĐ/ TW của Bộ Chính trị", ["217-QĐ/TW", "218-QĐ/TW"]),
        # numbers listed before one full code share its type and issuer
        ("Quyết định 217, 218 – QĐ/TW của Bộ Chính Trị", ["217-QĐ/TW", "218-QĐ/TW"]),
        ("Quyết định số 217, 218 và 219-QĐ/TW", ["217-QĐ/TW", "218-QĐ/TW", "219-QĐ/TW"]),
        # numbers listed after a bare mention take its issuer, in any case and spacing
        ("triển khai quyết định số 217 và 218 của Bộ Chính  trị về giám sát", ["217-QĐ/TW", "218-QĐ/TW"]),
        ("thực hiện Chỉ thị 05 của Bộ chính trị", ["05-CT/TW"]),
        # a number listed with one whose subject makes it central is central too (fiftieth session)
        ("thực hiện Quyết định 217, 218 về giám sát và phản biện xã hội", ["217-QĐ/TW", "218-QĐ/TW"]),
        ("Kế hoạch số 12, 13 về giám sát và phản biện xã hội", []),
        # a kind's words spaced out, as some pages are (lt03); the Front's centre is not the Party's (p62)
        ("trên  cơ  sở  Thông  báo  kết  luận số 77 của  Ban  Bí  thư trung  ương", ["77-TB/TW"]),
        ("và Thông tri 28 của Trung ương Mặt trận Tổ quốc Việt Nam về hướng dẫn", []),
        # the committee's other boards write their own suffix (tuning text ib01), a city's Thành ủy "Th.U" (lg04)
        ("Ngày 10/8/2022, Ban Nội chính Tỉnh ủy ban hành Thông báo số 50 mời tiếp dân định kỳ", ["50-TB/BNCTU"]),
        ("Thực hiện Công văn số 368 của Ban Tuyên giáo Tỉnh ủy về tuyên truyền", ["368-CV/BTGTU"]),
        ("tham mưu với Ban Thường vụ Thành ủy ban hành Chỉ thị số 13-CT/Th.U ngày 15/3/2019", ["13-CT/Th.U"]),
        # nor is a mass organisation's, named with its Ban Chấp hành (fresh tuning text d612)
        ("và Nghị quyết số 30 của Ban chấp hành Trung ương Hội Chữ thập đỏ Việt Nam về công tác vận động", []),
        (
            "Nghị quyết 25 của Ban Chấp hành Trung ương Đoàn; Nghị quyết số 25 của Ban Chấp hành Trung ương",
            ["25-NQ/TW"],
        ),
        # the farmers' union as a whole is its central committee (ma02)
        ("41 tổ hội nghề nghiệp theo Đề án số 24 của Hội Nông dân Việt Nam", ["24-ĐA/HNDTW"]),
        # a province's farmers' union writes its codes in the Party's form (fresh tuning texts nx04, n702)
        (
            "Thực hiện hướng dẫn số 04 của Ban Thường vụ Hội Nông dân tỉnh An Giang; nghị quyết 01 của Ban chấp hành "
            "Hội Nông dân tỉnh Khóa IX; Kế hoạch số 12 của Hội Nông dân xã",
            ["04-HD/HNDT", "01-NQ/HNDT"],
        ),
        # the trade unions' confederation writes the State's form, its issuer after the date (hi07)
        ("có Quyết định số 01 ngày 20/10/1988 của Tổng Liên đoàn Lao động Việt Nam thống nhất", ["01/QĐ-TLĐ"]),
        # the Government's codes of the 1990s, as written; a kind glued to its issuer; a steering committee's name is
        # no code; the Government's decision is the Prime Minister's (battery file l)
        ("Quyết định số 656-TTg về phát triển kinh tế-xã hội vùng Tây Nguyên; Số: 72-HĐBT", ["656-TTg", "72-HĐBT"]),
        ("Căn cứ Nghị định số 26/1999/NĐCP ngày 19/4/1999 của Chính phủ", ["26/1999/NĐ-CP"]),
        ("Ban Chỉ đạo 138/CP và chương trình 135/CP", []),
        ("Thực hiện Quyết định số 167/2008 của Chính phủ giúp hộ nghèo", ["167/2008/QĐ-TTg"]),
        # a code of a kind the list above lacks, or after words between "Công văn" and "số": read after "số"; not a
        # fraction or a room number (eighteenth session)
        ("Biên bản số 12/BB-MTTQ ngày 5/3/2024 và Công văn hỏa tốc số 45/UBND-VP", ["12/BB-MTTQ", "45/UBND-VP"]),
        ("Phòng số 3/A, xếp thứ 9/63 tỉnh, số 12/12 xã", []),
        # the issuer named before "ban hành"; not a body inside the one named (battery h, eighteenth session)
        ("Ngày 6/8, Ban Thường vụ Tỉnh ủy Yên Bái đã ban hành Chỉ thị số 17 về việc", ["17-CT/TU"]),
        ("Ngày 27/8, Đảng ủy Văn phòng UBND tỉnh ban hành Công văn số 468 về việc hướng dẫn", []),
        # a place name with a dot inside between the issuer and "ban hành" (fresh text hd05)
        ("đề xuất các nội dung để Thành ủy TP.HCM ban hành Nghị quyết số 08 và các cơ chế", ["08-NQ/TU"]),
        # a part of the issuer typed after a stray space (before or after its dash), a dash after the code as
        # punctuation, and a date glued to "ngày"
        (
            "tập huấn Thông tư số 12/TT-BVH -TT ngày10/10/2011 của Bộ; Kế hoạch 13/KH-UBND - Thông tin; ban hành "
            "Thông báo số 57/TB-MTTW- BVĐCTTW về việc vận động; Nghị quyết 25-NQ/TW- Hội nghị",
            ["12/TT-BVH-TT", "13/KH-UBND", "57/TB-MTTW-BVĐCTTW", "25-NQ/TW"],
        ),
        # a state number with its year; a mass organisation's central committee is not the Party's "Trung ương"
        (
            "thực hiện Nghị quyết số 97/2022 của HĐND tỉnh; Quyết định số 12/2024 của UBND tỉnh",
            ["97/2022/NQ-HĐND", "12/2024/QĐ-UBND"],
        ),
        (
            "Nghị quyết số 14 của Ban Chấp hành Trung ương Hội Nông dân Việt Nam; Nghị quyết số 3 của Trung ương Đoàn",
            ["14-NQ/HNDTW"],
        ),
        # a number with a letter: the 1990 resolution on mass work, written out or bare
        ("Nghị quyết số 8B-NQ/HNTW ngày 27/3/1990 của Ban Chấp hành Trung ương Đảng (khóa VI)", ["8B-NQ/HNTW"]),
        ("Nghị quyết 8b của Trung ương về đổi mới công tác quần chúng", ["8B-NQ/TW"]),
        # a Central Committee plenum as the issuer, with or without "của"
        ("Kết luận số 21 của Hội nghị Trung ương 4 khóa XIII", ["21-KL/TW"]),
        ("Nghị quyết số 18 Hội nghị lần thứ 6 BCH Trung ương khóa XII", ["18-NQ/TW"]),
        ("Nghị quyết số 05 của hội nghị", []),
        # the bodies of the 2025 scheme: the merged Ban Tuyên giáo và Dân vận, a commune's Đảng ủy; a city's Thành ủy
        ("Hướng dẫn số 05 của Ban Tuyên giáo và Dân vận Trung ương", ["05-HD/BTGDVTW"]),
        ("Kế hoạch số 128 của Ban Tuyên giáo và Dân vận Tỉnh ủy", ["128-KH/BTGDVTU"]),
        ("Nghị quyết số 09 của Đảng ủy phường Hạc Thành", ["09-NQ/ĐU"]),
        ("Kế hoạch 143 của Thành ủy Hà Nội", ["143-KH/TU"]),
        # a year, or a number no kind word opens, is not a code
        ("Kế hoạch 2019 KH/TU", []),
        ("năm 2013, 25-NQ/TW", ["25-NQ/TW"]),
        ("có 12 và 13-KH/TU", ["13-KH/TU"]),
        ("Chương trình hành động số 15-CTr/TU của Tỉnh ủy", ["15-CTr/TU"]),
        # an issuer of two parts, a Standing Committee ordinance, a party code in the state form, a footnote mark
        ("Kế hoạch số 10/KH-MTTQ-BTT, ngày 10/10/2019 của Ban Thường trực", ["10/KH-MTTQ-BTT"]),
        ("Pháp lệnh số 34/2007/PL-UBTVQH11 ngày 20/4/2007", ["34/2007/PL-UBTVQH11"]),
        ("Nghị quyết số 49/NQ-TU ngày 28/5/2024 của Ban Thường vụ Tỉnh uỷ", ["49-NQ/TU"]),
        ("Quyết định số 1221/QĐ-UBND của UBND tỉnh", ["1221/QĐ-UBND"]),
        # a Ban Chỉ đạo may be the Party's or the State's: its code keeps the form it is written in
        ("Kế hoạch số 12/KH-BCĐ ngày 3/4/2023 và Quyết định số 30-QĐ/BCĐ", ["12/KH-BCĐ", "30-QĐ/BCĐ"]),
        ("tiếp tục thực hiện Chỉ thị số 30-CT/TW1, Pháp lệnh", ["30-CT/TW"]),
        ("Nghị quyết số 25 - NQ/TƯ và 26-NQ/TƯ của Trung ương", ["25-NQ/TW", "26-NQ/TW"]),  # Trung ương with its mark
        ("Nghị quyết số 25-NQ/T.Ư của Trung ương", ["25-NQ/TW"]),
        # the state's other kinds: a Công điện, a Phương án, a Quy định written "QyĐ", a Thông cáo, a Dự án
        (
            "Công điện số 12/CĐ-TTg, Phương án số 10/PA-UBND và Quy định số 05/QyĐ-UBND",
            ["12/CĐ-TTg", "10/PA-UBND", "05/QyĐ-UBND"],
        ),
        ("Thông cáo số 3/TC-VPCP và Dự án số 7/DA-UBND", ["3/TC-VPCP", "7/DA-UBND"]),
        # a bare Đề án of a standing committee, with the code the naming rules give
        ("Sơ kết 2 năm thực hiện Đề án số 02 của Ban Thường vụ Tỉnh ủy về", ["02-ĐA/TU"]),
        # a plenum's resolution named by its plenum and subject
        (
            "nhiệm vụ công tác dân vận theo Nghị quyết Hội nghị lần thứ 7 BCH Trung ương khóa XI về tăng cường",
            ["25-NQ/TW"],
        ),
        ("Nghị quyết Trung ương 8 (khóa XIII) về phát huy sức mạnh khối đại đoàn kết toàn dân tộc", ["43-NQ/TW"]),
        # a plenum that issued one resolution, its committee glued to "T.Ư"
        ("quán triệt Nghị quyết Hội nghị lần thứ 9 BCHT.Ư Đảng (khóa XI) và một số kết luận", ["33-NQ/TW"]),
        ("thực hiện các Nghị quyết Trung ương 7 khóa IX. Dự hội nghị", []),  # several resolutions, none named
        ("Nghị quyết TW7 khóa XI về chủ động ứng phó với biến đổi khí hậu", ["24-NQ/TW"]),
        # the committee before the plenum's number, "của" between them, the term in Arabic figures; a colon opens the
        # list of the plenum's resolutions, each named in its own sentence
        (
            "quán triệt những nội dung cơ bản của 3 nghị quyết hội nghị BCH TW Đảng lần thứ 7 khóa XII: Nghị quyết về "
            "tập trung xây dựng đội ngũ cán bộ các cấp. Nghị quyết về cải cách tiền lương. Và nghị quyết về cải cách "
            "chính sách bảo hiểm xã hội.\n\nTham gia phong trào",
            ["26-NQ/TW", "27-NQ/TW", "28-NQ/TW"],
        ),
        ("Nghị quyết Hội nghị lần thứ 7 của Ban Chấp hành Trung ương Đảng khóa XI về công tác dân vận", ["25-NQ/TW"]),
        # a joint code's second issuer after a spaced dash (document battery); a sentence's dash before words stays
        ("ký Chương trình phối hợp số 79-Ctr/BDVTW – BCSĐCP về công tác dân vận", ["79-Ctr/BDVTW-BCSĐCP"]),
        ("theo Nghị quyết 25-NQ/TW – Hội nghị đánh giá", ["25-NQ/TW"]),
        # a comma after the plenum's number (document battery, file a)
        ("Nghị quyết Hội nghị lần thứ 7, Ban chấp hành Trung ương Đảng khóa X về nông nghiệp, nông dân", ["26-NQ/TW"]),
        ("quán triệt NQ TW 7 khóa 12 về cải cách chính sách bảo hiểm xã hội", ["28-NQ/TW"]),
        ("quán triệt NQ TW 7 khóa 12 và sinh hoạt chuyên đề", []),  # several resolutions, none named
        ("gắn với thực hiện NQTW 4 (khóa XII) về tăng cường xây dựng, chỉnh đốn Đảng", ["04-NQ/TW"]),  # b203
        ("Nghị quyết Trung ương 7 khóa XII. Nghị quyết về cải cách tiền lương", []),  # no colon: another sentence
        # a comma before the term; the subject named after "nhất là"
        (
            "thực hiện các nghị quyết Hội nghị Trung ương 6, khóa XII, nhất là Nghị quyết về “Một số vấn đề về tiếp "
            "tục đổi mới, sắp xếp tổ chức bộ máy của hệ thống chính trị tinh gọn”",
            ["18-NQ/TW"],
        ),
        ("Nghị quyết Trung ương 5 khóa XIII về nông nghiệp, nông dân, nông thôn", ["19-NQ/TW"]),
        ("Thực hiện Nghị quyết T.Ư 7 (khóa XI) về công tác dân vận trong tình hình mới", ["25-NQ/TW"]),
        # the plenum's sitting between its number and term; one mention, three subjects (v602)
        (
            "Thực hiện Nghị quyết TW 7 (lần 2) khóa IX về phát huy sức mạnh đại đoàn kết toàn dân tộc, công tác dân "
            "tộc, công tác tôn giáo",
            ["23-NQ/TW", "24-NQ/TW", "25-NQ/TW"],
        ),
        # the Politburo right after the number, "của" left out (v705); a board named so is not an issuer (qg09)
        ("thay cho Chỉ thị số 03 Bộ Chính trị (khóa XI). Bên cạnh đó", ["03-CT/TW"]),
        ("Đoàn công tác của Ban Chỉ đạo đề án 134 Trung ương do đồng chí", []),
        # a bare mention in brackets after the title it names, issued by the sentence's subject
        (
            "Vừa qua, Ban Bí thư Trung ương Đảng đã ban hành “Hướng dẫn khung để các cấp ủy phát huy vai trò của nhân "
            "dân” (Quyết định số 99) và Quy định ngày 2/2/2018 về “Giám sát của MTTQ Việt Nam”(Quy định số 124).",
            ["99-QĐ/TW", "124-QĐ/TW"],
        ),
        # a bare mention of the Front's standing committee's or a council's document, in the state form
        ("triển khai Kế hoạch số 157 ngày 20/10/2022 của Ban Thường trực Uỷ ban MTTQ TP Mỹ Tho", ["157/KH-MTTQ-BTT"]),
        ("tuyên truyền Nghị quyết số 11 của HĐND Thành phố về việc", ["11/NQ-HĐND"]),
        # joint and coordination documents; a state body's letter, whose code names no type
        ("Nghị quyết liên tịch số 403/2017/NQLT-UBTVQH14-ĐCTUBTWMTTQVN", ["403/2017/NQLT-UBTVQH14-ĐCTUBTWMTTQVN"]),
        ("Chương trình phối hợp số 09/CTPH-BDVTU-UBND giữa hai cơ quan", ["09/CTPH-BDVTU-UBND"]),
        ("Chương trình phối hợp số 09/Ctr-BCA-TTTW ngày 1/8/2013 giữa Bộ Công an với", ["09/Ctr-BCA-TTTW"]),  # p1563
        ("UBND tỉnh vừa có Công văn số 1613/UBND-KGVX về việc", ["1613/UBND-KGVX"]),
        ("Ban Thường trực Ủy ban MTTQ tỉnh vừa có văn bản số 07/MTTQ - BTT gửi các cơ quan", ["07/MTTQ-BTT"]),  # p1651
        ("theo văn bản số 567/UBND-NC ngày 5/5/2023", ["567/UBND-NC"]),
        # the issuer written with the old tone placement, by its standing members or abbreviated, a city's council
        ("Chỉ thị số 17 của Ban Thường vụ Tỉnh uỷ Yên Bái; Kế hoạch số 4 của Huyện uỷ", ["17-CT/TU", "4-KH/HU"]),
        ("Kết luận số 60 của Thường trực Tỉnh ủy; Chỉ thị 21 của BTV Huyện ủy", ["60-KL/TU", "21-CT/HU"]),
        # … of a quận or a thị xã (fresh text te06)
        ("Đề án số 05 của Thường trực Quận ủy; Kế hoạch số 12 của Thường vụ Thị ủy", ["05-ĐA/QU", "12-KH/TXU"]),
        (
            "Quyết định số 1758 của Uỷ ban nhân dân thành phố; Nghị quyết số 5 của Hội đồng nhân dân tỉnh",
            [
                "1758/QĐ-UBND",
                "5/NQ-HĐND",
            ],
        ),
        # a Thông tri by its number, with its issuer; with none it stays uncoded
        ("Thông tri số 28 của Ban Bí thư về công tác dân vận; Thông tri số 3 năm nay", ["28-TT/TW"]),
        # files e and f of the battery: a Thông báo kết luận is a TB; documents in general after "và các" name no
        # issuer of the one before; a state code's slash for its hyphen; the army's central Party committee; a
        # Nghị định by its number only with its year
        (
            "Thông báo Kết luận số 264 của Bộ Chính trị, Chỉ thị số 24 của Thủ tướng Chính phủ",
            ["264-TB/TW", "24/CT-TTg"],
        ),
        ("theo tinh thần Chỉ thị số 35 và các hướng dẫn của Trung ương, quá trình thực hiện", []),
        ("Quyết Định 386/QĐ/TTg ngày 17 tháng 3 năm 2021 của Thủ tướng chính phủ", ["386/QĐ-TTg"]),
        # a state issuer's code written the Party's way is its state form, one document with the other spelling (p480)
        (
            "Thực hiện Nghị quyết 872-NQ/UBTVQH14 ngày 10/01/2020, các phường sáp nhập theo Nghị quyết 872/NQ-UBTVQH14",
            ["872/NQ-UBTVQH14", "872/NQ-UBTVQH14"],
        ),
        ("Nghị quyết 12-NQ/HĐND của tỉnh và Nghị định 12-NĐ/CP", ["12/NQ-HĐND", "12/NĐ-CP"]),
        # the Assembly's Standing Committee by its legislature (fresh text vh11); with none named, no code
        (
            "Nghị quyết số: 788 của Uỷ ban Thường vụ Quốc hội 14 và Nghị quyết 1241 của UBTVQH khóa XV về sắp xếp",
            ["788/NQ-UBTVQH14", "1241/NQ-UBTVQH15"],
        ),
        ("theo Nghị quyết số 788 của Ủy ban Thường vụ Quốc hội về việc sáp nhập", []),
        # the Front's standing committee written with its glued abbreviation (fresh text uf01)
        ("theo Kế hoạch số 03 ngày 11/7/2025 của Ban Thường trực UBMTTQVN tỉnh Quảng Ngãi", ["03/KH-MTTQ-BTT"]),
        ("Tổng kết 10 năm thực hiện Nghị quyết 765 của Quân ủy Trung ương", ["765-NQ/QUTW"]),
        # the kind abbreviated: "NQ 28 của Ban Thường vụ Thành ủy"
        ("10 năm thực hiện NQ 28 của Ban Thường vụ Thành ủy, Hải Phòng đạt nhiều kết quả", ["28-NQ/TU"]),
        ("Hội nghị quán triệt NQ số 25 của Ban Chấp hành Trung ương về công tác dân vận", ["25-NQ/TW"]),
        # the central issuers abbreviated
        ("thực hiện Chỉ thị số 05 của BCT và Kết luận 01 của BBT về học tập", ["05-CT/TW", "01-KL/TW"]),
        ("Hội nghị giới thiệu Nghị quyết 25 của BCH TW về công tác dân vận", ["25-NQ/TW"]),
        ("triển khai Kế hoạch 70 của BDVTW về dân vận khéo", ["70-KH/BDVTW"]),
        # a plenum past the document's date
        ("Nghị quyết số 25, ngày 3/6/2013 của Hội nghị Trung ương 7 khóa XI về công tác dân vận", ["25-NQ/TW"]),
        # file g: a State Đề án by its number (p91); the central agencies' Party committee is not the Centre
        ("vận động nhân dân thực hiện tốt Đề án 06 của Chính phủ; thực hiện tốt các chủ trương", []),
        (
            "Ban Thường vụ Đảng ủy các cơ quan Đảng Trung ương đã khẩn trương ban hành Kế hoạch số 08 về đại hội",
            [],
        ),
        ("sửa đổi Nghị định số 150/2006 ngày 12-12-2006 của Chính phủ; Nghị định 37 của Chính phủ", ["150/2006/NĐ-CP"]),
        # forms of real pages (tests/fixtures/ingest/battery_documents.yaml): a unit with digits, a sub-unit joined by
        # a dot or an ampersand, "Ư" in a joint issuer, a coordination programme's "CTrPH"
        ("Tờ trình số 89/TTr-CAT-PC64 ngày 13/7/2017; Báo cáo số 295/BC-STP", ["89/TTr-CAT-PC64", "295/BC-STP"]),
        ("Văn bản số 1805/SXD-PTĐT&HT2 ngày 09/7/2020", ["1805/SXD-PTĐT&HT2"]),
        (
            "Chương trình phối hợp số 01/CTrPH-MTTQ-ĐTCTXH-BĐ.TP ngày 27 tháng 5 năm 2016, giữa",
            ["01/CTrPH-MTTQ-ĐTCTXH-BĐ.TP"],
        ),
        ("Nghị quyết liên tịch 01/2023/NQLT-CP-ĐCTUBTƯMTTQVN về công tác", ["01/2023/NQLT-CP-ĐCTUBTƯMTTQVN"]),
        # a dot for the state form's hyphen; a dot before a word is the sentence's
        (
            "công điện khẩn số 12/CĐ.UBND về khắc phục; Tờ trình số 245/TTr.DSGĐTE ngày",
            ["12/CĐ-UBND", "245/TTr-DSGĐTE"],
        ),
        ("theo Kế hoạch số 12/KH-UBND.Ban Dân vận", ["12/KH-UBND"]),
        # a Công điện is the State's even when its issuer is the central Ban Chỉ đạo ("TW"): not turned round
        ("Công điện số 20/CĐ-TW gửi Ban Chỉ huy", ["20/CĐ-TW"]),
        # a letter's number in brackets, a Sở's letter with no office
        ("Thủ tướng Chính phủ đã có Công văn (số 73/TTg-CN) chỉ đạo", ["73/TTg-CN"]),
        ("Công văn số 197/STTTT ngày 02/2/2021 của Sở", ["197/STTTT"]),
        # a Ban Chỉ đạo named by its number; a span of years after a code is not its number
        ("Thực hiện Công văn số 103-CV/BCĐ 35, ngày 17/02/2023 của Ban Chỉ đạo 35", ["103-CV/BCĐ35"]),
        ("theo Kế hoạch 12-KH/BCĐ 3 năm", ["12-KH/BCĐ"]),
        # the fourth plenums of the XI and XII terms by plenum alone; two terms, two resolutions
        (
            "thực hiện Nghị quyết Trung ương 4 (khóa XII) và 3 năm thực hiện Chỉ thị số 05 của Bộ Chính trị",
            ["04-NQ/TW", "05-CT/TW"],
        ),
        ("tiếp tục thực hiện Nghị quyết Trung ương 4 (khóa XI, XII), lưu ý", ["12-NQ/TW", "04-NQ/TW"]),
        # the naming rules of a city's Ban Dân vận and of a bloc's Party committee
        ("Kế hoạch số 12 của Ban Dân vận Thành ủy về", ["12-KH/BDVTU"]),
        (
            "Nghị quyết số 05 của Đảng ủy Khối các cơ quan tỉnh; Chỉ thị số 3 của Ban Thường vụ Đảng ủy Khối",
            ["05-NQ/ĐUK", "3-CT/ĐUK"],
        ),
        # typed in a hurry: the number glued to "số", a word processor's hyphens, an en dash inside the issuer
        ("thực hiện Nghị quyết số43-NQ/TW và Kế hoạch số.12-KH/TU", ["43-NQ/TW", "12-KH/TU"]),
        (
            "Chỉ thị số 05\u2011CT/TW và Kế hoạch số 7\u2010KH/HU, Kết luận 12\u2212KL/TU",
            ["05-CT/TW", "7-KH/HU", "12-KL/TU"],
        ),
        ("Kế hoạch số 15/KH-MTTQ–BTT ngày 3/4", ["15/KH-MTTQ-BTT"]),
        ("Chương trình hành động số 12-CTHĐ/TU của Tỉnh ủy", ["12-CTHĐ/TU"]),
        # the standing committee named without its "Ban"; a district's merged Ban Tuyên giáo và Dân vận (p1423)
        ("Chỉ thị số 23 của Thường vụ Tỉnh ủy", ["23-CT/TU"]),
        ("Ban Tuyên giáo và Dân vận Huyện uỷ U Minh ban hành Kế hoạch số 01, ngày 6/3/2025", ["01-KH/BTGDVHU"]),
        # … but a word after an en dash is the sentence's
        ("Nghị quyết 43-NQ/TW–Hội nghị", []),
        # a Party personnel decision; a court's decision in a case is no policy document (battery d)
        ("Bộ Chính trị đã có Quyết định số 2188-QĐNS/TW chuẩn y", ["2188-QĐNS/TW"]),
        ("Theo Quyết định đưa vụ án ra xét xử phúc thẩm số 2577/2023/QĐ-PT ngày 03/7/2023", []),
        ("Quyết định số 12/2024/QĐ-ST và Kế hoạch 5/KH-UBND", ["5/KH-UBND"]),
        # a title in capitals; a space for the slash before TW (battery c)
        ("CHƯƠNG TRÌNH HÀNH ĐỘNG SỐ 17-CTR/TU NGÀY 26/9/2013 CỦA TỈNH ỦY", ["17-CTr/TU"]),
        ("thực hiện Nghị quyết số 57-NQ TW, ngày 22/12/2024 của Bộ Chính trị", ["57-NQ/TW"]),
        # the kind glued to the number, a space for the hyphen of a joint issuer, a standing committee's term after a
        # space, a number's letter as written (battery documents)
        ("Thực hiện Kế hoạch số 15KH/ĐTNK-BTG ngày 29/8/2014", ["15-KH/ĐTNK-BTG"]),
        ("thực hiện Chương trình số 04/Ctr BCA-HCCB ngày 18-4-2014", ["04/Ctr-BCA-HCCB"]),
        ("lễ công bố Nghị Quyết số 819/NQ – UVBTVQH 14, và các Quyết định", ["819/NQ-UVBTVQH14"]),
        ("Kế hoạch số 126b-KH/HU ngày 20/12/2023; Nghị quyết 6b/NQ-BCH", ["126b-KH/HU", "6b/NQ-BCH"]),
        # … but not a year, nor a space before a party issuer, nor a phrase in capitals
        ("Kế hoạch 2019KH/TU", []),
        ("Nghị quyết 25-NQ BCA-HCCB", []),
        ("số 12/KH UBND tỉnh", []),
        # a bare number listed right before a full code of its kind shares its type and issuer, not its year
        ("đã ban hành Kế hoạch số 58; Kế hoạch số 100/KH -CTĐ ngày 28/4/2021", ["58/KH-CTĐ", "100/KH-CTĐ"]),
        ("Quyết định số 5, Quyết định số 7/2020/QĐ-UBND", ["7/2020/QĐ-UBND"]),
        ("Kế hoạch số 126b-KH/HU ngày 20/12/2023 và Kế hoạch 126B", ["126b-KH/HU", "126b-KH/HU"]),
        # "s" for "số" glued to the number; the kind's abbreviation in brackets; the army's Party committees
        ("Căn cứ Nghị định s20/2008/NĐ-CP ngày 14/02/2008 của Chính phủ", ["20/2008/NĐ-CP"]),
        ("thực hiện Nghị quyết (NQ) 28 của Thành ủy về", ["28-NQ/TU"]),
        (
            "trọng tâm là Nghị quyết 152 của Đảng ủy Quân sự Trung ương, Nghị quyết 165 của Đảng ủy Quân khu, kịp thời",
            ["152-NQ/ĐUQSTW", "165-NQ/ĐU"],
        ),
        ("tổng kết 10 năm thực hiện Chỉ thị số 572 của Thường vụ Quân ủy Trung ương về", ["572-CT/QUTW"]),
        # a code of a kind outside the list, in the party form or in the state form, with or without "số"
        (
            "theo Đề cương tuyên truyền số 45-ĐC/BTGTW ngày 3/4/2023 và Giấy mời số 12-GM/BDVTU",
            ["45-ĐC/BTGTW", "12-GM/BDVTU"],
        ),
        ("Biên bản 12/BB-MTTQ ngày 5/3; Đề cương 12/ĐC-BTG", ["12/BB-MTTQ", "12/ĐC-BTG"]),
        ("Giấy mời 12-GM/TĐTN; thực hiện 238/UBND-KGVX, Sở", ["12-GM/TĐTN", "238/UBND-KGVX"]),
        # … and its separators' variants: a party issuer's code in the party form, another's as written
        ("Giấy mời 12/GM/TU; Biên bản 5-BB-HU và Biên bản 7/BB/MTTQ", ["12-GM/TU", "5-BB/HU", "7/BB/MTTQ"]),
        ("F0-F1/TW, lúc 2-3/TW, Biên bản 2/3, ngày 24/7-HN", []),
        # … with its year, typed without "Đ" and kept as written; not a court's case file or verdict
        ("Quyết định số 15/2023/QD-UBND ngày 3/5/2023", ["15/2023/QD-UBND"]),
        ("vụ án hành chính thụ lý số: 65/2023/TLPT- HC ngày 26/4; bản án số 05/2023/HC-ST", []),
        # whichever reader meets it, a court's instance without its year
        ("Theo Quyết định số 12/QĐ-PT ngày 3/7; bản án số 12/HS-ST", []),
        # the number glued to its kind's name, as pages lose a space
        ("theo Nghị quyết25-NQ/TW và Kế hoạch12/KH-UBND", ["25-NQ/TW", "12/KH-UBND"]),
        # a state code written all with hyphens is the state form (fresh tuning text rs06)
        ("Quyết định 516-QĐ-TTg ngày 01/4/2021 của Thủ tướng Chính phủ", ["516/QĐ-TTg"]),
        # a joint document's code with its kind alone (rq03), not a code spaced out nor a plan's bare kind
        ("UBND tỉnh đã ký kết Quy chế phối hợp số 194/QCPH ngày 30/11/2022 với Ủy ban MTTQ", ["194/QCPH"]),
        ("Chỉ thị số 08/CT - UBND ngày 10.10.2012; Kế hoạch số 12/KH ngày 3/4/2023", ["08/CT-UBND"]),
        # an issuer who signed it "recently" (fresh tuning text qu02)
        (
            "Thường trực Ban Bí thư Trần Cẩm Tú mới đây ký ban hành Kết luận số 236 về việc tiếp tục thực hiện",
            ["236-KL/TW"],
        ),
        # the Politburo's pillar resolutions by their subject (qw03); a province's own by its issuer
        ("trong 4 nghị quyết trụ cột, Nghị quyết 57 về khoa học, công nghệ, đổi mới sáng tạo", ["57-NQ/TW"]),
        ("Thực hiện Nghị quyết 68 về phát triển kinh tế tư nhân", ["68-NQ/TW"]),
        ("Tỉnh ủy ban hành Nghị quyết 57 về phát triển khoa học, công nghệ của tỉnh", ["57-NQ/TU"]),
    ],
)
def test_document_codes_written_loosely(text, expected):
    assert codes(text) == expected


def test_document_drafts(registry):
    text = (
        "Ban Dân vận Tỉnh ủy khảo sát tại huyện Lệ Thủy về Nghị quyết số 25-NQ/TW ngày 03/6/2013 của Ban Chấp "
        "hành Trung ương khóa XI và Quy định số 605-QĐ/HU. Sau 10 năm thực hiện Nghị quyết số 25, "
        "các Quyết định số 217 của Bộ Chính trị được quán triệt.\n"
    )
    docs = {d.code: d for d in draft_of(text, registry).documents}
    assert set(docs) == {"25-NQ/TW", "605-QĐ/HU", "217-QĐ/TW"}
    assert docs["25-NQ/TW"].date == "2013-06-03"
    assert docs["25-NQ/TW"].issuer == "Ban Chấp hành Trung ương"
    assert docs["25-NQ/TW"].quote == "Nghị quyết số 25-NQ/TW ngày 03/6/2013 của Ban Chấp hành Trung ương"
    assert (docs["605-QĐ/HU"].type, docs["605-QĐ/HU"].level, docs["605-QĐ/HU"].province) == (
        "quy_dinh",
        "district",
        "44",
    )
    assert docs["217-QĐ/TW"].confidence == 0.5
    # a central board's or body's code is central: the Ban Tuyên giáo Trung ương's, the Youth Union centre's
    outline = draft_of("Quán triệt Đề cương số 45-ĐC/BTGTW và Kế hoạch số 12-KH/TWĐTN tại huyện Lệ Thủy.\n", registry)
    assert {d.code: d.level for d in outline.documents} == {"45-ĐC/BTGTW": "central", "12-KH/TWĐTN": "central"}
    # … quoted with the kind named before it
    assert outline.documents[0].quote == "Đề cương số 45-ĐC/BTGTW"


# --- exclusions -----------------------------------------------------------------------------------------------


def test_page_furniture_and_identifiers_are_not_measures():
    text = (
        "Ban Dân vận Tỉnh ủy triển khai nhiệm vụ năm 2023\nLượt xem: 591\n"
        "Thực hiện Nghị quyết Đại hội Đảng bộ huyện lần thứ VIII, nhiệm kỳ 2020 - 2025, Ban Chấp hành khóa XI "
        "đã tổng kết 10 năm thực hiện Nghị quyết số 25-NQ/TW. Chi bộ 11, phường Nguyễn Thị Minh Khai với mô hình "
        "tổ chức truyền dạy. Đoàn kiểm tra số 1 do đồng chí Trưởng ban làm trưởng đoàn, lúc 8 giờ 30. "
        "Treo các khẩu hiệu: 5 biết (biết nghe dân nói), 4 luôn (luôn mỉm cười), 3 thể hiện (tôn trọng). "
        "Đại hội Hội Nông dân huyện lần thứ XII; đồng chí 60 tuổi; phòng, chống dịch Covid-19; cầu Nhật Lệ 3, "
        "dự án đường; xếp thứ 5 toàn quốc. Năm 2022 toàn tỉnh có 306 mô hình.\n"
        "Thống kê truy cập\n • 000421095\n • Đang online: 223\n • Hôm nay: 1\n • Tất cả: 0\n"
    )
    draft = draft_of(text)
    assert values(draft) == [306]
    assert draft.observations[0].period == "2022"


def test_a_box_of_other_news_ends_the_article():
    """qrv04, as02, k813: a line "Tin khác" or "Tin tức khác" opens the box of other articles: their leads' days,
    figures and codes are none of the article's; "tin khác" inside a sentence ends nothing."""
    text = (
        "Hơn 150 đơn vị máu thu được tại chương trình của Đoàn Khối doanh nghiệp thành phố\n\nSáng 13/3/2021, tại "
        "Bệnh viện Hữu nghị Việt Tiệp, Đoàn Khối doanh nghiệp thành phố Hải Phòng tổ chức chương trình hiến máu, thu "
        "được 150 đơn vị máu.\n\nĐoàn viên chia sẻ tin khác về 12 mô hình hay.\n\nTin khác\n\nThông cáo báo chí "
        "Hội nghị Ban Chấp hành Trung ương\n\nNgày 25/11, tại Thủ đô Hà Nội, Ban Chấp hành Trung ương Đảng khoá "
        "XIII…\n\n25/11/2024\n\nTin tức khác\n- Phường triển khai Kết luận số 127-KL/TW của Bộ Chính trị\n"
    )
    draft = draft_of(text)
    assert event_keys(draft) == {"2021-03-13"}
    assert values(draft) == [150, 12]
    assert draft.documents == []


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Đoàn đến thăm các hộ ở tổ 12 khu 3 và tại km 15 quốc lộ 1A", []),  # a group's and a road's number
        # a team's, a cluster's and a road's number
        ("Đoàn kiểm tra 1 làm việc; tổ công tác 2 đến xã; Cụm thi đua 4 gồm 5 tỉnh; Tỉnh lộ 8 qua xã", [5]),
        # a year written after a name, without a separator, is no count; money of that size is
        ("đón lễ Phục sinh 2024 an lành; hàng Việt Nam 2024 như; có 2.024 hộ; hỗ trợ 2000 triệu đồng", [2024, 2e9]),
        # a share after a listed name is a share; round the clock, how long, both sides of a road count nothing
        ("Qua 3 năm triển khai Đề án 06, 100% xã đã kết nối; mức độ 3, 4 của 20 dịch vụ công", [100, 20]),
        ("trực 24/7 tại 5 điểm; Sau 1 buổi, thu gom rác 2 bên đường; tổ chức 3 buổi tuyên truyền", [5, 3]),
        ("chỉ trong thời gian 1 buổi đã xong; có 1 gian hàng 0 đồng và 5 gian hàng giảm giá", [1, 5]),
        # a steering committee by its number, a slogan in straight quotes, the minutes of a time, a span's last day
        (
            'Ban Chỉ đạo (BCĐ) 35 tỉnh họp; BCĐ 389 có 12 thành viên; Nghị quyết "2 xóa 3 giúp" đến 100% hội viên',
            [12, 100],
        ),
        ("Từ ngày 4 - 6/10 xảy ra 2 đợt mưa", [2]),
        # an army's economic-defence unit and a size are names; "phân loại 7 nhóm" counts groups
        ("Đoàn Kinh tế - Quốc phòng 778 trao 11.000 thùng nước (loại 20 lít); phân loại 7 nhóm", [11000, 7]),
        # a numeral naming the items it lists is no count (H12); a count of units is, names or not
        (
            "tại 02 huyện biên giới là Yên Châu và Mai Sơn; làm việc với Đảng ủy 3 xã: Hiền Giang, Thắng Lợi, Vạn Điểm",
            [],
        ),
        ("trên địa bàn 2 huyện Vân Canh và Đồng Xuân; có 3 xã Tân Hà và Tân Văn; 2 Ủy viên Ủy ban MTTQ", [3, 2]),
        # a list opened by a colon whose last two items are joined by "và"; slogans; a power line's voltage
        (
            "hỗ trợ 3 gia đình gồm: gia đình ông Lô Văn Nam ở bản Hợp Tiến; bà Nguyễn Thị Luân ở bản Công và ông Vi "
            "Văn Thọ ở bản Cả.",
            [],
        ),
        ("tinh thần 3 tiên phong, 4 chủ động; hỗ trợ thi công đường dây 500 kV dài 12 km", [12]),
        ("nhà đạt tiêu chuẩn 3 cứng (nền móng cứng, khung tường cứng, mái cứng), rộng 40m2", [40]),
        ("có 56.538 hộ gia đình hội viên đạt 8 tiêu chí 5 không 3 sạch; 12 chi hội đạt 8 tiêu chí", [56538, 12, 8]),
        ("đánh giá cao kết quả thực hiện NQ 25 và CT 05, với 12 mô hình", [12]),  # a document's kind abbreviated
        # the places named just before, counted again (H12); a count of other places stays
        (
            "gây thiệt hại cho các tỉnh Thái Nguyên, Lạng Sơn, Cao Bằng và Bắc Ninh; tỉnh Cà Mau hỗ trợ cho 4 tỉnh "
            "và 3 tỉnh khác",
            [3],
        ),
        # the national set of 19 rural criteria is fixed; criteria a commune meets are counted
        ("đạt tiêu chí thứ 19 trong 19 tiêu chí quốc gia xây dựng nông thôn mới; 3 xã đạt 15 tiêu chí", [3, 15]),
        # a number inside a quoted name of up to 12 words, closed by either quote mark
        (
            "duy trì 08 CLB“Phụ nữ dân tộc thiểu số tiết kiệm 5-10 triệu đồng” với gần 250 thành viên; thành lập "
            '“CLB tiết kiệm 5-10 triệu đồng" ở 3 chi hội',
            [8, 250, 3],
        ),
        # names split at commas after a colon or right after the noun; an amount is not a list's numeral
        (
            "sáp nhập 4 xã của huyện Than Uyên cũ: Mường Kim, Tà Mung, Tà Hừa, Pha Mu, xã Mường Kim mới có nhiều điều "
            "kiện.",
            [],
        ),
        (
            "Chiến dịch gồm chương trình Tiếp sức mùa thi và 4 chiến dịch Mùa hè xanh, Hoa phượng đỏ, Hành quân xanh, "
            "Kỳ nghỉ hồng.",
            [],
        ),
        (
            "vận động gần 3 tỷ đồng Quỹ Đền ơn đáp nghĩa, Quỹ Vì người nghèo, Quỹ Khuyến học; trao 2 suất quà cho Hội "
            "Nông dân và Hội Phụ nữ",
            [3e9, 2],
        ),
        (
            "triển khai chương trình “Tư vấn-tiếp sức mùa thi” và 4 chiến dịch: “Hành quân xanh”, “Mùa hè xanh”, “Hoa "
            "phượng đỏ”, “Kỳ nghỉ hồng”.",
            [],
        ),
        # millions in a sentence about what gifts are worth: "trị giá quy thành tiền trên 11 triệu"
        ("Thăm, tặng 48 suất, trị giá quy thành tiền trên 11 triệu tại xã Khánh Hải", [48, 11e6]),
        # both parties, hours, the units named above counted again
        (
            "Tại buổi lễ, 2 bên đã ký kết; không để người chết quá 24 tiếng; tặng 73 phần quà cho người lao động tại 4 "
            "công ty trên. Có 5 hộ trên địa bàn, 3 em biết 2 tiếng dân tộc",
            [73, 5, 3, 2],
        ),
        # set phrases: a campaign's contents, the centrally-run cities
        ("thực hiện 5 nội dung của cuộc vận động; 5 nội dung CVĐ; Hội LHPN 5 thành phố trực thuộc Trung ương", []),
        # a contest's rounds, a body's standing drives and programmes; what they reached still counts
        (
            "Hội thi gồm 4 phần thi; qua 02 vòng thi; thực hiện 3 phong trào thi đua và 2 chương trình công tác lớn "
            "của Hội, 2 cuộc vận động với 120 hội viên tham gia",
            [120],
        ),
        # items named after the kind the first one has; an item of another kind, or a number, ends the list
        (
            "có 2 dân tộc sinh sống là dân tộc Tày và dân tộc Dao; trao 2 giải Ba và 5 giải Khuyến khích; 5 huyện U "
            "Minh, Đầm Dơi, Cái Nước, Trần Văn Thời, Ngọc Hiển và thành phố Cà Mau",
            [2, 5],
        ),
        # the page's counters are no figures; a mistyped "triêu" is still millions; close bounds make a range
        ("1,275 lượt xem; quà trị giá hơn 3 triêu đồng; hiến khoảng 300 - 350 đơn vị máu", [3e6, 300, 350]),
        # files, a lunar new year's day, an anniversary in capitals, a naval unit; a range of thousands
        ("image001.jpg (307 KB); sáng 19/2 (mùng 4 tết); KỶ NIỆM 92 NĂM; Hải đội 33 trồng 50 cây", [50]),
        ("Đồn Biên phòng 635 phối hợp với xã tặng 20 suất quà", [20]),  # a border post by its number
        ("Công đoàn tổ chức thăm, chúc Tết 30 đơn vị có công nhân trực Tết", [30]),  # after "Tết", still a count
        ("Giá rau dao động từ 6.000-10.000 đồng/kg", [6000, 10000]),
        # a part of something; gifts are counted
        ("Tổ có 275 hộ, sáp nhập 1 phần của Tổ 15; trao 1 phần quà; gồm 8 tấn gạo và 1 số hàng hóa", [275, 1, 8]),
        # a provincial or district road by its number, a month named without its year
        ("Tuyến đường tỉnh 830 và đường huyện 12 đi qua 3 xã. Tháng 6 vừa qua, 15 đoàn viên tham gia", [3, 15]),
        # a numbered topic, and a number followed by a function word ("4 do ông"), count nothing
        ("Hội nghị với 4 nội dung chuyên đề. Chuyên đề 4 do ông Sơn trao đổi; chuyên đề 2 về an ninh", [4]),
        ("thành lập 5 tổ tự quản, xây dựng 150 km đường", [5, 150]),  # counts before the noun stay
        # set phrases and the two sides of a match count nothing; the teams the match is between do
        ("tăng trưởng đạt 2 con số; trong 2 cuộc kháng chiến; trận giữa 2 đội Công an - Quân sự của 8 đội", [8]),
        # the aspects of a strong organisation; goods and faces are counted
        ("vững mạnh trên cả 3 mặt: chính trị, tư tưởng; cả 4 mặt tư tưởng, tổ chức; 3 mặt hàng, 10 gương mặt", [3, 10]),
        # the country's strategic breakthroughs are a set phrase; a congress's own breakthroughs are counted
        ("thực hiện 3 khâu đột phá chiến lược của đất nước; Đại hội xác định 2 khâu đột phá", [2]),
        # a day, a ward, a disease written with spaces and a quoted programme or slogan are names
        ("ngày 10/11 một số khu dân cư; xây dựng phường 6 văn minh; dịch Covid - 19 tỉnh; có 3 tổ", [3]),
        # a town's block (round 48's p1697)
        ("kiểm tra mô hình tại khối 4 phường Nghi Thu và khối 3, khối 4 phường Thu Thủy với 25 hộ", [25]),
        ("hưởng ứng chương trình “1 triệu ly sữa”, “Thành phố 4 an” với 120 hộ", [120]),
        # nights are a duration, an army corps a name, "lần thứ I/2018" a year; millions that count nothing are money
        ("Trong 2 đêm 12 và 15.8 tổ chức; hỗ trợ từ Quân đoàn 3; tôn vinh lần thứ I/2018 với 12 gương", [12]),
        (
            "hỗ trợ mỗi nhà 30 triệu, số tiền còn lại 5 triệu đồng; từ 1 triệu đến 10 triệu đồng; 3 triệu người",
            [30e6, 5e6, 1e6, 10e6, 3e6],
        ),
        # two small counts joined by a dash alone are a range, both bounds kept; a span of years is none
        (
            "tạo việc làm cho 3-5 lao động với mức thu nhập 3-5 triệu đồng/người/tháng; trong 3-5 năm tới",
            [3, 5, 3e6, 5e6],
        ),
        # so much per house, savings, and money in words with hundreds
        (
            "xây mới 25 nhà (40 triệu/nhà); 57 sổ tiết kiệm được 240 triệu… ; trị giá ba trăm triệu đồng",
            [25, 40e6, 57, 240e6, 300e6],
        ),
        # billions in a sentence about money are money, even without "đồng"
        ("phân bổ 34 tỷ đồng cho các tỉnh và 30,2 tỷ cho 25 xã", [34e9, 30.2e9, 25]),
        # a space groups thousands in some reports; a year is never grouped so
        ("xây dựng 353 cổng rào và 6 603 bóng đèn; năm 2023 150 hộ; 1 250 suất quà", [353, 6603, 150, 1250]),
        # a stray space after the decimal comma before a multiplier
        ("ủng hộ trên 2, 048 tỷ đồng và tiếp nhận 1, 2 tỉ đồng; 15 hộ, 20 hộ", [2.048e9, 1.2e9, 15, 20]),
    ],
)
def test_numbers_after_a_group_or_a_road_marker_are_names(sentence, expected):
    assert [m.value for m in measures(sentence, [])] == expected


def test_repeated_paragraph_is_reported_once():
    para = (
        "Trong 02 ngày 30 - 31 tháng 5 năm 2017, Ban Chỉ đạo phong trào thi đua “Dân vận khéo” tỉnh tổ chức "
        "02 đoàn khảo sát tại 04 đơn vị."
    )
    draft = draft_of(f"Thứ 6 Ngày 02/06/2017\n\n{para}\n\n      {para}\n")
    assert values(draft) == [2, 4]
    assert len(draft.visits) == 1
    assert (draft.visits[0].date_start, draft.visits[0].date_end) == ("2017-05-30", "2017-05-31")


def test_a_figure_pointed_back_at_or_a_round_figure_repeated_is_reported_once():
    text = (
        "Hội nghị có hơn 200 đại biểu đại diện hơn 29.000 hội viên phụ nữ trên địa bàn huyện.\n"
        "Nhiệm kỳ qua, hội kết nạp 3.000 hội viên, nâng tổng số hội viên hiện nay hơn 29.000 người; trồng mới 3.000 "
        "cây xanh.\n"
        "Huyện có 2 khu dân cư kiểu mẫu.\n2 khu dân cư kiểu mẫu vừa đạt chuẩn này là thôn Hà Lâm và tổ Mađaguôi.\n"
    )
    assert values(draft_of(text)) == [200, 29_000, 3_000, 3_000, 2]


def test_recipients_one_each_of_what_was_just_counted_are_the_same_figure():
    text = (
        "Dịp này, Hội Cựu chiến binh tỉnh trao 10 suất quà, mỗi suất trị giá 500.000 đồng cho 10 hội viên khó khăn. "
        "Ủy ban MTTQ huyện bàn giao 2 ngôi nhà Đại đoàn kết cho 2 hộ nghèo và 5 suất quà cho 3 hộ. "
        "Đề án đã có 8 hộ được hỗ trợ 8 con bò sinh sản và 6 hộ được nhận 12 con dê.\n"
    )
    assert values(draft_of(text)) == [10, 500_000, 2, 5, 3, 8, 6, 12]
    awards = "Đồng chí trao bằng khen của UBND tỉnh cho 02 tập thể và bằng khen của Ủy ban MTTQ tỉnh cho 02 cá nhân.\n"
    assert values(draft_of(awards)) == [2, 2]


def test_parts_of_a_count_by_province_in_brackets():
    text = (
        "Tham gia hòa giải thành công 686 vụ mâu thuẫn trong nhân dân (Bình Định 436, Phú Yên 86, Khánh Hòa 72, "
        "Ninh Thuận 92).\n"
    )
    draft = draft_of(text)
    assert values(draft) == [686, 436, 86, 72, 92]
    assert [o.breakdown for o in draft.observations][1:] == ["Bình Định", "Phú Yên", "Khánh Hòa", "Ninh Thuận"]


def test_figure_of_a_photo_caption_restating_the_body_is_reported_once():
    text = (
        "Quảng Nam tiếp nhận ủng hộ Quỹ Vì người nghèo\n\n"
        "Theo đó, bà Lý ủng hộ 10 triệu đồng; Công ty Xăng dầu Quảng Nam ủng hộ 100 triệu đồng.\n\n"
        "Công ty Xăng dầu Quảng Nam ủng hộ 100 triệu đồng. Ảnh: T.Đ\n"
    )
    draft = draft_of(text)
    assert values(draft) == [10_000_000, 100_000_000]
    assert all(o.quote.startswith("Theo đó") for o in draft.observations)  # the body's sentence, not the caption


def test_a_headlines_count_restated_with_a_classifier_is_reported_once():
    text = (
        "Trao 3 nhà Đại đoàn kết cho hộ dân tộc thiểu số ở Quảng Trực và Tuy Đức\n"
        "Ngày 3/10/2025, Ủy ban MTTQ Việt Nam tỉnh tổ chức bàn giao 3 căn nhà Đại đoàn kết cho các hộ đồng bào.\n"
    )
    draft = draft_of(text)
    assert values(draft) == [3]
    assert draft.observations[0].quote.startswith("Ngày 3/10/2025")  # the body's statement is kept


def test_same_fact_in_caption_and_text_is_reported_once():
    text = (
        'Đồng chí Nguyễn Anh Chức trao Bằng khen cho 10 mô hình "Dân vận khéo" cấp tỉnh.\n'
        'Tại hội nghị có 10 mô hình “Dân vận khéo" cấp tỉnh được nhận Bằng khen của UBND tỉnh.\n'
    )
    assert values(draft_of(text)) == [10]


def test_a_headline_figure_restated_in_the_body_is_reported_once():
    text = (
        "Huy động được hơn 1,8 tỉ đồng tiền quỹ “Ngày vì người nghèo”\n\n"
        "Từ năm 2000 đến nay, huyện đã huy động được hơn 1,8 tỷ đồng tiền Quỹ, xây dựng được 53 nhà đại đoàn kết "
        "trị giá 832 triệu đồng.\n"
    )
    draft = draft_of(text)
    assert values(draft) == [1_800_000_000, 53, 832_000_000]
    # a headline naming a place before a colon is the same fact as the body's sentence
    text = "Chợ Đồn: Công nhận 123 mô hình Dân vận khéo năm 2022\n\nHuyện vừa công nhận 123 mô hình Dân vận khéo.\n"
    assert values(draft_of(text)) == [123]
    # a headline's round "hơn 500" for the body's 501, the headline run into the lead
    text = (
        "Hội An có hơn 500 mô hình “Dân vận khéo” (QNO) - Sáng 15/10, tại TP.Hội An diễn ra hội nghị tổng kết "
        "phong trào thi đua “Dân vận khéo” trên địa bàn thành phố, với sự tham dự của lãnh đạo tỉnh và các ngành.\n"
        "Qua 15 năm phát động, toàn thành phố có 501 mô hình “Dân vận khéo” được đăng ký.\n"
    )
    assert values(draft_of(text)) == [501]
    # "hơn 500" is no round figure of 700
    assert values(draft_of(text.replace("501", "700"))) == [500, 700]


# --- places and bodies ----------------------------------------------------------------------------------------


def test_district_resolves_to_its_province(registry):
    assert registry.place("huyện Lệ Thủy").province_code == "44"
    text = (
        "Ngày 16/11/2023, Ban Dân vận Tỉnh ủy đã đi khảo sát tại huyện Lệ Thủy. Đoàn đã khảo sát tại Đảng bộ "
        "xã Trường Thủy, huyện Lệ Thủy.\nToàn huyện có 99 vườn kiểu mẫu ở các xã Xuân Thủy, Thanh Thủy.\n"
    )
    draft = draft_of(text, registry)
    visit = draft.visits[0]
    assert (visit.province, visit.district, visit.commune) == ("44", "Lệ Thủy", "Trường Thủy")
    assert (visit.body, visit.body_level) == ("Ban Dân vận Tỉnh ủy", "province")
    assert draft.observations[0].province == "44"
    assert draft.observations[0].district == "Lệ Thủy"  # "toàn huyện" = the district the text is about


def test_dateline_city_is_not_the_subject(registry):
    text = (
        "Hà Nội, ngày 10 tháng 01 năm 2020\nNgày 10.01.2020, Thường trực HĐND tỉnh Quảng Trị giám sát việc giải "
        "quyết đơn thư. Tỉnh có 85/117 xã đạt chuẩn nông thôn mới (đạt 72,6%).\n"
    )
    draft = draft_of(text, registry)
    assert draft.source.published == "2020-01-10"
    visit = draft.visits[0]
    assert (visit.date_start, visit.kind, visit.province) == ("2020-01-10", "giam_sat", "45")
    assert (visit.body, visit.body_level) == ("Thường trực HĐND tỉnh", "province")
    assert [(o.value, o.province) for o in draft.observations] == [(72.6, "45")]


@pytest.mark.parametrize(
    ("text", "code"),
    [
        # fresh text vq08: a ward both Gia Lai and Hồ Chí Minh City have, the city named first as where it was held
        ("Tại TPHCM ngày 16-11, Ủy ban MTTQ Việt Nam phường Diên Hồng tổ chức Ngày hội Đại đoàn kết.", "79"),
        ("Tại Hà Nội, Ban Dân vận Trung ương tổ chức hội nghị sơ kết.", "01"),
        ("Ở Bắc Ninh, hội nghị được tổ chức trực tuyến.", "27"),
    ],
)
def test_a_sentence_opening_at_a_province_names_it(registry, text, code):
    assert [h.province for h in find_places(text, registry) if h.level == "province"] == [code]


def test_ambiguous_commune_is_read_inside_the_main_province(registry):
    # Several communes are called "Thanh Thủy" (Quảng Bình, Nghệ An, …): alone it is ambiguous, with candidates
    assert registry.place("xã Thanh Thủy") is None
    res = registry.resolve_place("xã Thanh Thủy")
    assert res.status == "ambiguous" and len(res.candidates) > 1
    assert registry.place("xã Thanh Thủy", "44").level == "commune"
    text = "Ngày 16/11/2023, Ban Dân vận Tỉnh ủy Quảng Bình khảo sát tại xã Thanh Thủy.\n"
    visit = draft_of(text, registry, published="2023-11-17").visits[0]
    assert (visit.province, visit.commune) == ("44", "Thanh Thủy")


def test_ambiguous_place_without_context_is_listed_not_guessed(registry):
    draft = draft_of(
        "Ngày 16/11/2023, Ban Dân vận Huyện ủy khảo sát tại xã Tân Lập.\n", registry, published="2023-11-17"
    )
    assert draft.visits[0].province is None and draft.visits[0].commune is None
    note = next(n for n in draft.source.notes if "xã Tân Lập" in n)
    assert "đơn vị" in note and "chưa chọn" in note


@pytest.mark.parametrize(
    ("text", "province", "district"),
    [
        ("Ngày 5/3/2024, Ban Dân vận Huyện ủy làm việc tại xã Thiên Lộc (Can Lộc).", "42", None),
        ("Ngày 5/3/2024, Ban Dân vận Tỉnh ủy khảo sát tại huyện Chợ Đồn.", "06", "Chợ Đồn"),
        ("Ngày 5/3/2024, Ban Dân vận Tỉnh ủy khảo sát tại huyện Bắc Trà My.", "49", "Bắc Trà My"),
        ("Ngày 5/3/2024, Ban Dân vận Huyện ủy Lâm Hà khảo sát tại H. Đức Trọng.", "68", "Lâm Hà"),
        # a name written as one word that the gazetteer writes as two ("Đa Krông"), and the reverse
        ("Ngày 5/3/2024, Ban Dân vận Tỉnh ủy khảo sát tại huyện Đakrông.", "45", "Đa Krông"),
        ("Ngày 5/3/2024, Ban Dân vận Tỉnh ủy khảo sát tại huyện Ea Hleo.", "66", "Ea H'leo"),
    ],
)
def test_places_of_the_gazetteer_give_the_province(registry, text, province, district):
    visit = draft_of(text + "\n", registry, published="2024-03-06").visits[0]
    assert (visit.province, visit.district) == (province, district)
    assert visit.province_note and "Tỉnh theo địa danh" in visit.province_note


def test_a_headline_opening_with_a_bare_place_name_gives_the_province(registry):
    text = (
        "Chợ Đồn: Công nhận 123 mô hình Dân vận khéo năm 2022\n"
        "Ban Chỉ đạo vừa bình xét, trong đó có 54 mô hình cá nhân và 69 mô hình tập thể.\n"
    )
    draft = draft_of(text, registry)
    assert {o.province for o in draft.observations} == {"06"}
    # a ward named after a person is no headline's place without the outlet's province; a district is
    assert headline_place("Nguyễn Văn Linh thăm các hộ nghèo", registry) is None
    assert headline_place("Nghi Hải triển khai thực hiện Quyết định", registry) is None
    assert headline_place("Nghi Hải triển khai thực hiện Quyết định", registry, "40").province == "40"
    assert headline_place("Hớn Quản tổ chức Tọa đàm về công tác dân vận", registry).province == "70"


def test_province_conference_lead_is_an_event(registry):
    text = (
        "Tỉnh ủy Sơn La tổ chức Hội nghị tổng kết 10 năm thực hiện Nghị quyết số 25-NQ/TW\n"
        "Sáng 12/6, Tỉnh ủy Sơn La tổ chức Hội nghị tổng kết 10 năm thực hiện Nghị quyết số 25-NQ/TW.\n"
    )
    visit = extract_text(text, registry, published="2023-06-13").visits[0]
    assert (visit.date_start, visit.kind, visit.body, visit.body_level, visit.province) == (
        "2023-06-12",
        "hoi_nghi",
        "Tỉnh ủy",
        "province",
        "14",
    )
    assert "ngày đăng" in visit.date_note


def test_a_district_keeps_the_name_it_bore_on_the_day(registry) -> None:
    """Đất Đỏ joined huyện Long Đất on 1/1/2025: a 2023 conference there is in huyện Đất Đỏ, not in Long Đất,
    which did not exist yet; the code is still the one unit's."""
    draft = draft_of(
        "Sáng 13/12/2023, Ban Dân vận Huyện ủy Đất Đỏ tổ chức Hội nghị tổng kết công tác dân vận năm 2023.\n", registry
    )
    visit = draft.visits[0]
    assert (visit.province, visit.district) == ("77", "Đất Đỏ")


@pytest.mark.parametrize(
    ("text", "body", "level"),
    [
        # the hall an event is held in is no organiser
        (
            "Ngày 07/10/2022, tại Hội trường UBND huyện, Ban Dân vận Huyện ủy Hớn Quản đã tổ chức buổi tọa đàm.",
            "Ban Dân vận Huyện ủy",
            "district",
        ),
        # a fund's mobilisation committee
        (
            "Chiều 18/10/2019, tại hội trường Ủy ban MTTQ Việt Nam huyện, Ban Vận động Quỹ “Vì người nghèo” huyện "
            "Dương Minh Châu đã tổ chức lễ phát động.",
            "Ban Vận động Quỹ “Vì người nghèo” huyện",
            "district",
        ),
        # a district-level unit named as the organiser
        (
            "Ngày 10/6/2014 Huyện Quảng Điền đã tổ chức hội nghị quán triệt cho cán bộ chủ chốt Mặt trận các xã.",
            "Huyện Quảng Điền",
            "district",
        ),
        (
            "Sáng 3/8/2024, TX Hồng Lĩnh tổ chức Hội thi “Dân vận khéo” lần thứ nhất cho các đội của phường, xã.",
            "TX Hồng Lĩnh",
            "district",
        ),
        # the steering committee of QCDC and the “Dân vận khéo” movement by its whole name
        (
            "Ngày 5/12/2022, Ban Chỉ đạo thực hiện Quy chế dân chủ cơ sở và phong trào “Dân vận khéo” huyện Chợ Đồn "
            "tổ chức hội nghị bình xét.",
            "Ban Chỉ đạo thực hiện Quy chế dân chủ cơ sở và phong trào “Dân vận khéo” huyện",
            "district",
        ),
        # a commune's or district's youth union (fresh text vj12: the launch had no organiser and was lost)
        (
            "Sáng 10-1-2026, Đoàn phường Long Trường tổ chức ra quân chiến dịch Xuân tình nguyện lần thứ 18.",
            "Đoàn phường",
            "commune",
        ),
        ("Ngày 26/3/2023, Đoàn TNCS Hồ Chí Minh xã Tân Phú tổ chức hội trại.", "Đoàn TNCS Hồ Chí Minh xã", "commune"),
        ("Ngày 5/5/2022, Xã đoàn Tân Phú tổ chức ra quân dọn vệ sinh môi trường.", "Xã đoàn", "commune"),
        ("Ngày 5/5/2022, Đoàn Thanh niên huyện Chợ Đồn tổ chức hội thi.", "Đoàn Thanh niên huyện", "district"),
        # the Front's central committee abbreviated
        (
            "Chiều 12/3/2010 tại Hà Nội, Ủy ban T.Ư MTTQ VN tổ chức lễ phát động “Tháng cao điểm vì người nghèo”.",
            "Ủy ban T.Ư MTTQ VN",
            "central",
        ),
        # organisers the tuning texts name and no rule read (their gatherings had no body, or were lost): the trade
        # unions, the Red Cross, a city written "TP" (a provincial city's committee is a district's), the member
        # organisations in lower case, a ward with a number
        ("Ngày 24/5/2017, LĐLĐ huyện Châu Thành trao hai Mái ấm Công đoàn.", "LĐLĐ huyện", "district"),
        ("Ngày 15/1/2026, Hội Chữ thập đỏ tỉnh Gia Lai tổ chức trao bò giống.", "Hội Chữ thập đỏ tỉnh", "province"),
        ("Ngày 5/3/2024, Ủy ban MTTQ Việt Nam TP Bắc Kạn tổ chức hội nghị.", "Ủy ban MTTQ Việt Nam TP", "district"),
        ("Ngày 8/3/2022, Hội nông dân xã Lê Hóa tổ chức hội thi.", "Hội nông dân xã", "commune"),
        ("Ngày 8/3/2022, Hội Phụ nữ xã Suối Tiên tổ chức hội thi.", "Hội Phụ nữ xã", "commune"),
        (
            "Ngày 8/3/2022, Ban đại diện Hội Người cao tuổi tỉnh tổ chức gặp mặt.",
            "Ban đại diện Hội Người cao tuổi tỉnh",
            "province",
        ),
        ("Ngày 8/3/2022, Hội Nông dân (HND) phường Đông Sơn tổ chức hội thi.", "Hội Nông dân (HND) phường", "commune"),
        (
            "Ngày 20/4/2022, Ủy ban Mặt trận Tổ quốc Việt Nam Phường 10 tổ chức hội nghị nhân dân.",
            "Ủy ban Mặt trận Tổ quốc Việt Nam Phường",
            "commune",
        ),
        (
            "Ngày 26/3/2023, Đoàn Thanh niên Cộng sản Hồ Chí Minh phường Điện An tổ chức hội trại.",
            "Đoàn Thanh niên Cộng sản Hồ Chí Minh phường",
            "commune",
        ),
        (
            "Ngày 26/3/2023, Ban Thường trực Ủy ban Mặt trận tổ quốc (MTTQ) Việt Nam thành phố tổ chức hội nghị.",
            "Ban Thường trực Ủy ban Mặt trận tổ quốc (MTTQ) Việt Nam thành phố",
            "district",
        ),
        # round 57: the students' union, and a member organisation with any short form ("(SV)", "(ND)", "(KH)")
        (
            "Ngày 9/1/2023, Hội Sinh viên Việt Nam tỉnh Bình Dương tổ chức lễ kỷ niệm.",
            "Hội Sinh viên Việt Nam tỉnh",
            "province",
        ),
        ("Ngày 8/3/2022, Hội Nông dân (ND) tỉnh Bắc Ninh tổ chức hội thi.", "Hội Nông dân (ND) tỉnh", "province"),
        ("Ngày 8/3/2022, Hội Khuyến học (KH) huyện Gio Linh tổ chức đại hội.", "Hội Khuyến học (KH) huyện", "district"),
        # the member organisations' central bodies ("Trung ương Hội Nông dân Việt Nam" is among the tuning labels'
        # commonest organisers), "… Việt Nam" alone when it acts
        (
            "Ngày 5/3/2024, Trung ương Hội Nông dân Việt Nam tổ chức hội nghị sơ kết.",
            "Trung ương Hội Nông dân Việt Nam",
            "central",
        ),
        ("Ngày 5/3/2024, Ban Bí thư Trung ương Đoàn tổ chức hội nghị.", "Ban Bí thư Trung ương Đoàn", "central"),
        (
            "Ngày 19/7/2020, Hội Liên hiệp Phụ nữ (LHPN) Việt Nam tổ chức chương trình giao lưu.",
            "Hội Liên hiệp Phụ nữ (LHPN) Việt Nam",
            "central",
        ),
        (
            "Ngày 2/2/2024, Tổng Liên đoàn Lao động Việt Nam phối hợp tổ chức Tết Sum vầy.",
            "Tổng Liên đoàn Lao động Việt Nam",
            "central",
        ),
        # a hamlet's Front committee (below the commune), the police, the army's provincial command
        ("Ngày 3/3/2024, Ban Công tác Mặt trận thôn Đông tổ chức họp dân.", "Ban Công tác Mặt trận thôn", "commune"),
        ("Ngày 3/3/2024, Công an huyện Lâm Hà tổ chức hội nghị.", "Công an huyện", "district"),
        (
            "Ngày 3/3/2024, Bộ Chỉ huy Quân sự (CHQS) tỉnh tổ chức hội nghị.",
            "Bộ Chỉ huy Quân sự (CHQS) tỉnh",
            "province",
        ),
    ],
)
def test_organisers_written_in_other_ways(text, body, level):
    visit = draft_of(text + "\n").visits[0]
    assert (visit.body, visit.body_level) == (body, level)


def test_a_central_organisation_named_but_not_acting_is_no_organiser():
    """The nation's organisations are named in many ways that are no act of theirs: a title, a founding day, a
    congress of theirs someone attends."""
    for text in (
        "Ngày 20/10/2023, bà Hà Thị Nga, Chủ tịch Hội Liên hiệp Phụ nữ Việt Nam dự hội nghị tại tỉnh.",
        "Ngày 20/10/2023, Hội LHPN tỉnh tổ chức kỷ niệm 93 năm Ngày thành lập Hội Liên hiệp Phụ nữ Việt Nam.",
    ):
        assert [v.body for v in draft_of(text + "\n").visits] in ([None], ["Hội LHPN tỉnh"])


@pytest.mark.parametrize(
    ("text", "body"),
    [
        (
            "Ngày 4/2/2026, Liên đoàn Lao động (LĐLĐ) TP Cần Thơ tổ chức khai mạc Chương trình “Tết Sum vầy”.",
            "Liên đoàn Lao động (LĐLĐ) TP",
        ),
        ("Ngày 9/3/2024, Ủy ban MTTQ Việt Nam TP. Hà Nội tổ chức hội nghị.", "Ủy ban MTTQ Việt Nam TP"),
        # a glued "TP.HCM" (kp01): the dot goes with the place (H8)
        ("Ngày 27/11/2025, Ủy ban MTTQ Việt Nam TP.HCM tổ chức Hội nghị lần thứ 2.", "Ủy ban MTTQ Việt Nam TP"),
        (
            "Sáng 5/3/2024, Ủy ban Mặt trận Tổ quốc Việt Nam Thành phố Hồ Chí Minh tổ chức hội nghị.",
            "Ủy ban Mặt trận Tổ quốc Việt Nam Thành phố",
        ),
    ],
)
def test_a_centrally_run_citys_committee_written_tp_or_thanh_pho_is_provincial(registry, text, body):
    visit = extract_text(text + "\n", registry).visits[0]
    assert (visit.body, visit.body_level) == (body, "province")


def test_the_old_tone_placement_names_the_same_body_and_place_and_is_quoted_as_written(registry):
    draft = extract_text(
        "Ngày 12/3/2024, Ban Dân vận Huyện uỷ Lâm Hà tổ chức hội nghị sơ kết công tác dân vận.\n", registry
    )
    visit = draft.visits[0]
    assert (visit.body, visit.body_level, visit.province) == ("Ban Dân vận Huyện uỷ", "district", "68")
    assert "“Huyện uỷ Lâm Hà”" in draft.source.province_note
    # "quỹ" keeps its tone where it is: the u belongs to its qu
    assert fold_tones("Uỷ ban MTTQ, quỹ “Vì người nghèo”, Khánh Hoà hoàn thành") == (
        "Ủy ban MTTQ, quỹ “Vì người nghèo”, Khánh Hòa hoàn thành"
    )


def test_issuing_a_directive_on_a_yearless_day_and_a_plans_headline_are_no_events():
    text = (
        "Ngày 6/8, Ban Thường vụ Tỉnh ủy Yên Bái đã ban hành Chỉ thị số 17 về việc tăng cường sự lãnh đạo của các "
        "cấp ủy, tổ chức đảng.\n"
    )
    assert draft_of(text).visits == []
    text = (
        "Kế hoạch sơ kết 5 năm thực hiện Kết luận số 102-KL/TW của Bộ Chính trị\n"
        "Nhằm đánh giá kết quả, báo cáo Ban Chỉ đạo sơ kết Kết luận số 102-KL/TW, Ban Thường vụ Tỉnh ủy ban hành "
        "Kế hoạch số 114-KH/TU.\n"
    )
    draft = draft_of(text, published="2019-01-20")
    assert draft.visits == []
    assert [d.code for d in draft.documents] == ["102-KL/TW", "114-KH/TU"]


def test_leader_and_central_body(registry):
    text = (
        "Thứ Năm, 25/4/2024\nĐoàn khảo sát của Ban Dân vận Trung ương làm việc với Tỉnh ủy Lạng Sơn về kết quả "
        "thực hiện Nghị quyết số 25-NQ/TW\nPhát biểu kết thúc buổi làm việc, đồng chí Triệu Tài Vinh, Phó Trưởng "
        "Ban Dân vận Trung ương đánh giá cao những kết quả đạt được của Đảng bộ tỉnh Lạng Sơn.\n"
    )
    visit = draft_of(text, registry).visits[0]
    assert (visit.body, visit.body_level, visit.kind) == ("Ban Dân vận Trung ương", "central", "khao_sat")
    assert (visit.leader_name, visit.leader_title) == ("Triệu Tài Vinh", "Phó Trưởng Ban Dân vận Trung ương")
    assert (visit.province, visit.id, visit.documents) == ("20", "v-2024-04-25-lang-son", ["25-NQ/TW"])


def test_city_party_committee_level(registry):
    text = (
        "Sáng 20/12, Ban Dân vận Thành ủy tổ chức Hội nghị tổng kết công tác dân vận năm 2022 và khai trương "
        "Hệ thống thông tin Dân vận Hải Phòng.\n"
    )
    visit = draft_of(text, registry, published="2022-12-20").visits[0]
    assert (visit.province, visit.body_level) == ("31", "province")  # Hải Phòng is a centrally-run city


def test_outlet_province_when_the_text_names_none(registry):
    draft = draft_of(
        "Năm 2021, toàn tỉnh có 2.071 mô hình “Dân vận khéo” được đăng ký xây dựng.\n",
        registry,
        province="Bà Rịa - Vũng Tàu",
    )
    obs = draft.observations[0]
    assert (obs.value, obs.province, obs.period) == (2071, "77", "2021")
    assert obs.province_note == "Bài không nêu tên tỉnh: lấy theo nơi đăng bài (do người nhập cung cấp)."


def test_an_undated_text_naming_a_unit_of_the_new_scheme_is_after_the_merger(registry):
    text = (
        "Trao 3 nhà Đại đoàn kết ở Quảng Trực và Tuy Đức\n"
        "Ủy ban MTTQ Việt Nam tỉnh phối hợp với chính quyền địa phương bàn giao 2 căn nhà tại xã Quảng Trực "
        "và 1 căn nhà tại xã Tuy Đức cho các hộ đồng bào dân tộc thiểu số.\n"
    )
    draft = draft_of(text, registry)
    assert draft.source.province == "68"  # Lâm Đồng of the 34, which Đắk Nông's communes joined
    assert any("“xã Tuy Đức” chỉ có từ 1/7/2025" in n for n in draft.source.notes)
    older = text.replace("xã Tuy Đức", "thôn Bu Ko’h")  # no unit of the new scheme: the old code stands
    assert draft_of(older, registry).source.province == "67"  # Đắk Nông of the 63


def test_a_unit_of_the_new_scheme_counts_though_the_old_had_one_of_another_type_of_that_name(registry):
    """zs04, zs09: before 1/7/2025 "xã Si Ma Cai" was read as thị trấn Si Ma Cai for want of a xã, and "xã Thăng
    Trường" as "xã Thăng", thị trấn Thắng of Bắc Giang, so neither told an undated text it was of the new scheme. A
    district written with a type it had lost ("huyện Duy Tiên", a thị xã since 2020) tells neither scheme."""
    text = "Hội LHPN tỉnh phối hợp với Đảng ủy, UBND xã Si Ma Cai tổ chức chương trình “Xuân biên cương” tại xã.\n"
    draft = draft_of(text, registry)
    assert draft.source.province == "15"  # Lào Cai of the 34 (the 63's Lào Cai was "10")
    assert any("“xã Si Ma Cai” chỉ có từ 1/7/2025" in n for n in draft.source.notes)
    youth = "Tại chương trình, Đoàn xã Thăng Trường đã trao tặng 100 suất quà cho hộ khó khăn.\n"
    assert draft_of(youth, registry).source.province == "48"  # Đà Nẵng, which Quảng Nam joined
    older = "Hội Nông dân huyện Duy Tiên tổ chức hội nghị tổng kết công tác Hội.\n"
    assert draft_of(older, registry).source.province == "35"  # Hà Nam of the 63, not Ninh Bình of the 34


def test_province_after_the_merger_uses_the_new_code(registry):
    draft = draft_of("Năm 2025, tỉnh Bắc Kạn có 120 mô hình “Dân vận khéo”.\n", registry, published="2025-09-01")
    assert draft.observations[0].province == "19"  # Bắc Kạn merged into Thái Nguyên on 1/7/2025


def test_a_list_after_a_colon_gives_no_period_to_the_count_before_it():
    text = "Đại hội tập trung vào 4 nội dung: Báo cáo tổng kết thực hiện Chương trình hành động từ năm 2024 đến nay.\n"
    assert [(o.value, o.period) for o in draft_of(text).observations] == [(4, None)]


def test_an_outlets_report_from_another_province_is_that_provinces(registry):
    text = "Tin trong nước\nNgày 8/7, Ban Dân vận Tỉnh ủy Sơn La tổ chức hội nghị tổng kết công tác dân vận.\n"
    draft = draft_of(text, registry, published="2024-07-10", province="38")  # a Thanh Hóa paper
    assert (draft.source.province, draft.visits[0].province) == ("14", "14")
    assert draft.source.province_note == (
        "Tỉnh theo địa danh, cơ quan nêu trong bài: “Tỉnh ủy Sơn La”. Nơi đăng bài ở Thanh Hóa (do người nhập cung "
        "cấp)."
    )


def test_a_commune_dissolved_before_2025_is_read_in_the_outlets_district_not_as_its_namesake(registry):
    """Fresh texts ub07, uc08: a Thanh Hóa paper of 2013 on "xã Xuân Tân" under "Huyện Đoàn Thọ Xuân": Thọ Xuân's
    commune, merged away before the gazetteer's day, not Nam Định's xã Xuân Tân; a commune of another province the
    text names for itself stays that province's. Without an outlet too (zm04, a national paper's "Hội CCB xã Sơn Trà
    … Hội CCB huyện Hương Sơn"), when the district named once had a commune of that name: the gazetteer's former
    names say Thọ Xuân had a xã Xuân Tân, and Hương Sơn a xã Sơn Trà (now in xã Mỹ Long)."""
    text = (
        "Thực hiện Kế hoạch ngày 22/02/2013 của BCH Huyện Đoàn Thọ Xuân. Chiều ngày 02/3/2013 BCH Đoàn xã Xuân Tân tổ "
        "chức lễ ra quân “Tháng Thanh niên năm 2013”. Đoàn xã Xuân Tân thu gom rác thải trên địa phận xã Xuân Tân.\n"
    )
    draft = draft_of(text, registry, province="38")
    assert (draft.source.province, draft.visits[0].province) == ("38", "38")
    named = text.replace("Chiều ngày", "Đoàn huyện Xuân Trường, tỉnh Nam Định về thăm. Chiều ngày")
    assert draft_of(named, registry, province="38").source.province == "36"
    assert draft_of(text, registry).source.province == "38"  # no outlet: Thọ Xuân's former commune still
    veterans = (
        "Đại hội Hội Cựu chiến binh xã Sơn Trà lần thứ VI. Phát biểu chỉ đạo có Chủ tịch Hội CCB huyện Hương Sơn.\n"
    )
    assert draft_of(veterans, registry).source.province == "42"  # Hà Tĩnh, not Quảng Ngãi's living xã Sơn Trà
    assert draft_of(veterans.split(". ")[0] + ".\n", registry).source.province == "51"  # no district: the living one


def test_a_province_named_once_in_an_outlets_own_report_is_a_recipient(registry):
    text = (
        "Ngày 25/12, UBMTTQ Việt Nam tỉnh tổ chức hội nghị tổng kết công tác mặt trận năm 2024.\n"
        "Năm 2024, toàn tỉnh vận động Quỹ “Vì người nghèo” gần 85,9 tỷ đồng; ủng hộ tỉnh Điện Biên 2 tỷ đồng để "
        "xóa nhà tạm. Các cấp Mặt trận của tỉnh đã xây mới 168 căn nhà.\n"
    )
    draft = draft_of(text, registry, published="2024-12-26", province="77")  # a Bà Rịa - Vũng Tàu paper
    assert (draft.source.province, draft.visits[0].province) == ("77", "77")
    assert draft.source.province_note.startswith("Bài không nêu tên tỉnh: lấy theo nơi đăng bài")


def test_other_articles_headlines_are_skipped(registry):
    text = (
        "Ủy ban MTTQ tỉnh Đồng Nai kiểm tra công tác Mặt trận tại huyện Nhơn Trạch\n"
        "Sáng 26-10, đoàn kiểm tra Ủy ban MTTQ Việt Nam tỉnh Đồng Nai đã có buổi làm việc tại huyện Nhơn Trạch.\n"
        "Gia Lai huy động trên 670 triệu đồng ủng hộ tỉnh Điện Biên làm nhà cho hộ nghèo\n"
        "Đoàn đã trao 200 triệu đồng cho Quỹ Bảo trợ trẻ em tỉnh Bình Phước.\n"
    )
    draft = draft_of(text, registry, published="2022-10-27")
    assert [(o.value, o.province) for o in draft.observations] == [(200_000_000, "75")]  # not Gia Lai's 670 triệu
    assert draft.source.province == "75"
    assert any("Gia Lai huy động" in n for n in draft.source.notes)


def test_a_run_of_teasers_cut_off_mid_sentence_is_other_articles(registry):
    """qrb06, ot01: a page lists other articles' leads, each cut off with "…"; their figures and dates are not the
    article's. One line cut off alone (an excerpt's end) still counts."""
    text = (
        "Trường đại học tổ chức ngày hội hiến máu\n"
        "Sáng 12/3, Đoàn trường tổ chức ngày hội hiến máu, tiếp nhận 120 đơn vị máu.\n"
        "Sở Y tế Hải Phòng vừa tổ chức Hội nghị bàn giao 114 trạm y tế từ…\n"
        "Thành phố Hải Phòng sẽ khánh thành, khởi công 13 công trình, dự án kỷ…\n"
        "Chiều 13/01, Ban Chỉ đạo phát triển khoa học, công nghệ, đổi mới sáng tạo…\n"
        "Buổi lễ diễn ra trang trọng.\n"
        "Hội Chữ thập đỏ trường đã trao 25 giấy khen cho sinh viên hiến máu nhiều lần và…\n"
    )
    draft = draft_of(text, registry, published="2024-03-13", province="31")
    assert values(draft) == [120, 25]
    assert [v.date_start for v in draft.visits] == ["2024-03-12"]
    assert any("114 trạm y tế" in n and "Ban Chỉ đạo phát triển" in n for n in draft.source.notes)


def test_another_articles_headline_ending_in_a_parenthesis_gives_no_year(registry):
    """se12: a page with no date lists "Hải Phòng: Gặp mặt Kỷ niệm 70 năm Chiến thắng Điện Biên Phủ (7/5/1954 –
    7/5/2024)" between the lede and the body; its 2024 is another article's, not the year of the bare "16/6"."""
    text = (
        "Hội nghị Ủy ban MTTQ Việt Nam tỉnh Quảng Ninh lần thứ 7\n"
        "Ngày 16/6, Ủy ban MTTQ Việt Nam tỉnh Quảng Ninh tổ chức Hội nghị lần thứ 7 để đánh giá kết quả 6 tháng đầu "
        "năm.\n"
        "Hải Phòng: Gặp mặt Kỷ niệm 70 năm Chiến thắng Điện Biên Phủ (7/5/1954 – 7/5/2024)\n"
        "Theo báo cáo, nhiệm vụ trọng tâm 6 tháng cuối năm 2021 của Ủy ban MTTQ tỉnh Quảng Ninh đã được đề ra.\n"
    )
    draft = draft_of(text, registry)
    assert [v.date_start for v in draft.visits] == ["2021-06-16"]
    assert any("Hải Phòng: Gặp mặt" in n for n in draft.source.notes)


def test_the_day_a_text_counts_from_or_calls_now_is_no_gathering(registry):
    """sh12: "từ 1-7-2025 đến nay, Mặt trận các cấp … kiện toàn" starts a stretch of work, and the congress the page
    reports is dated by the page; sl12: "đến nay ( 26/3/2024) 17/17 xã … đã hoàn thành đại hội" is the day of the
    tally, and the congress planned "vào tháng 5-2024" is the text's event."""
    since = (
        "Theo báo cáo chính trị tại Đại hội, những năm qua MTTQ Việt Nam TP Hải Phòng đã hoàn thành các nhiệm vụ. "
        "Đặc biệt, từ 1-7-2025 đến nay, Mặt trận các cấp TP Hải Phòng đã nhanh chóng kiện toàn, ổn định tổ chức.\n"
    )
    assert [v.date_start for v in draft_of(since, registry, published="2025-11-26").visits] == ["2025-11-26"]
    now = (
        "Đak Đoa hoàn thành đại hội Mặt trận Tổ quốc cấp xã\n"
        "Sau thành công của đại hội điểm MTTQ Việt Nam xã Ia Pết, đến nay ( 26/3/2024) 17/17 xã, thị trấn của huyện "
        "Đak Đoa (tỉnh Gia Lai) đã hoàn thành đại hội MTTQ cấp xã nhiệm kỳ 2024-2029.\n"
        "Theo Ban Thường trực Ủy ban MTTQ Việt Nam huyện Đak Đoa, sau khi hoàn thành đại hội MTTQ Việt Nam cấp xã, "
        "huyện Đak Đoa đang khẩn trương hoàn thành các nội dung để tổ chức Đại hội đại biểu MTTQ Việt Nam huyện Đak "
        "Đoa lần thứ XIII (nhiệm kỳ 2024-2029), thời gian dự kiến tổ chức vào tháng 5-2024.\n"
    )
    assert [v.date_start for v in draft_of(now, registry).visits] == ["2024-05-01"]


def test_talks_between_two_unions_are_a_gathering(registry):
    """sl01: "Sáng 12/11, Hội Liên hiệp Phụ nữ tỉnh Điện Biên đã Hội đàm và ký kết Biên bản ghi nhớ với …"."""
    text = (
        "Hội đàm giữa Hội LHPN tỉnh Điện Biên với Hội LHPN 3 tỉnh Bắc Lào\n"
        "Điện Biên TV - Sáng 12/11, Hội Liên hiệp Phụ nữ tỉnh Điện Biên đã Hội đàm và ký kết Biên bản ghi nhớ với Hội "
        "Liên hiệp Phụ nữ các tỉnh Phông Sa Lỳ, U Đôm Xay và Luông Pha Băng.\n"
    )
    assert [v.date_start for v in draft_of(text, registry, published="2024-11-12").visits] == ["2024-11-12"]


def test_a_signed_report_ends_where_another_outlets_lede_begins(registry):
    """so02: "Tin và ảnh: AN LÂM" then "(KGO) - Sáng 13-4, Sở Văn hóa … tổ chức lễ công bố …": the page goes on with
    another article, whose day is not this report's."""
    text = (
        "11/04/2025 17:50\n"
        "Chủ tịch Hội Nông dân tỉnh Kiên Giang phát biểu chỉ đạo nhiệm vụ công tác hội quý II-2025.\n"
        "Tại hội nghị, có ý kiến đề xuất Trung ương Hội Nông dân Việt Nam có hướng dẫn cụ thể.\n"
        "Tin và ảnh: AN LÂM\n"
        "(KGO) - Sáng 13-4, Sở Văn hóa và Thể thao tỉnh Kiên Giang phối hợp UBND huyện Giồng Riềng tổ chức lễ công bố "
        "quyết định xếp hạng di tích.\n"
    )
    article = prepare(text)
    assert article.paragraphs[-1].text == "Tin và ảnh: AN LÂM"
    assert [v.date_start for v in draft_of(text, registry).visits] == ["2025-04-11"]
    signed_at_top = "Tin và ảnh: AN LÂM\n(KGO) - Sáng 13-4, Hội Nông dân tỉnh Kiên Giang tổ chức hội nghị.\n"
    assert len(prepare(signed_at_top).paragraphs) == 2  # a signature above the lede ends nothing


def test_a_blog_platforms_stamp_is_the_publication_date(registry):
    """sq02: "Đã đăng vào 13 Th11, 2017 lúc 14:17", the month written "Th11", dates the undated gathering."""
    text = (
        "Kỷ niệm 87 năm ngày truyền thống Mặt trận DTTNVN (18/11/1930- 18/11/2017)\n"
        "Đã đăng vào 13 Th11, 2017 lúc 14:17\n"
        "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Bến Tre tổ chức họp mặt kỷ niệm 87 năm ngày truyền thống Mặt trận.\n"
    )
    draft = draft_of(text, registry)
    assert (draft.source.published, draft.source.published_note) == (
        "2017-11-13",
        "Ngày đăng ghi ở đầu bài: “Đã đăng vào 13 Th11, 2017 lúc 14:17”.",
    )
    assert [v.date_start for v in draft.visits] == ["2017-11-13"]


def test_a_gathering_announced_within_the_month_keeps_the_pages_year(registry):
    """st12: on a page of 7/11/2025, "đại hội được tổ chức từ ngày 24 đến 25-11" is this November's, not last
    year's; "28/12" on a page of 5/1 is still the year before."""
    text = (
        "Sáng 7-11, tại Hội nghị giao ban báo chí, Ban Thường trực Ủy ban MTTQ Việt Nam tỉnh Lâm Đồng cho biết, Đại "
        "hội đại biểu MTTQ Việt Nam tỉnh Lâm Đồng lần thứ I sẽ có 400 đại biểu tham dự.\n"
        "Theo đó, đại hội được tổ chức từ ngày 24 đến 25-11 tại phường Xuân Hương – Đà Lạt (tỉnh Lâm Đồng).\n"
    )
    visits = draft_of(text, registry, published="2025-11-07").visits
    assert [(v.date_start, v.date_end) for v in visits] == [("2025-11-07", None), ("2025-11-24", "2025-11-25")]
    late = "Ngày 28/12, Ủy ban MTTQ tỉnh Lâm Đồng tổ chức hội nghị tổng kết công tác Mặt trận.\n"
    assert [v.date_start for v in draft_of(late, registry, published="2026-01-05").visits] == ["2025-12-28"]


def test_the_day_a_change_took_effect_and_a_festival_days_date_are_no_gatherings(registry):
    """sn12: "kể từ sau thời điểm sáp nhập (1/7)"; zs06: "ngày hội đại đoàn kết toàn dân tộc (18/11)", the festival's
    own day in brackets after its name, on a page of 4/11."""
    since = (
        "Không khí Ngày hội Đại đoàn kết toàn dân tộc ở khu dân cư trên địa bàn tỉnh kể từ sau thời điểm sáp nhập "
        "(1/7) mang đến cảm nhận rất mới lạ.\n"
    )
    assert "2025-07-01" not in [v.date_start for v in draft_of(since, registry, published="2025-11-18").visits]
    festival = (
        "Ngày 4/11, khu dân cư xóm Mường Lồ - xã Mường Bi đã tổ chức ngày hội đại đoàn kết toàn dân tộc (18/11) và "
        "Ngày Pháp luật Việt Nam (9/11).\n"
    )
    assert [v.date_start for v in draft_of(festival, registry, published="2025-11-04").visits] == ["2025-11-04"]


# sy05: "Thứ 7, ngày 15/6/2024" atop a report that opens "Ngày 27/9/2018, tại Hội trường Ngọc Linh …" under its stamp
# "28-9-2018"; ra08: "Thứ Ba, 08/10/2024 03:34 SA" over a headline whose first line closes on a colon and "Thứ Tư,
# 20/10/2010 07:28 SA" — each time the first line is the day the page was read.
_BAR_OVER_AN_OLDER_STAMP = [
    (
        "Thứ 7, ngày 15/6/2024\n"
        "Đại hội Hội Nông dân tỉnh Kon Tum lần thứ VIII thành công tốt đẹp\n"
        "28-9-2018\n"
        "Ngày 27/9/2018, tại Hội trường Ngọc Linh (thành phố Kon Tum), Đại hội Hội Nông dân tỉnh lần thứ VIII đã được "
        "tổ chức với chủ đề: “Dân chủ-Đoàn kết-Đổi mới-Hội nhập-Phát triển”.\n",
        ("2018-09-28", ["2018-09-27"]),
    ),
    (
        "Thứ Ba, 08/10/2024 03:34 SA\n"
        "Kỷ niệm 80 năm Ngày thành lập Hội Liên hiệp Phụ nữ Việt Nam (20/10/1930-20/10/2010):\n"
        "Nhân lên truyền thống “anh hùng, bất khuất, trung hậu, đảm đang”\n"
        "Thứ Tư, 20/10/2010 07:28 SA\n"
        "Sáng 19/10, tại Nhà văn hóa Lao động (TP Tuy Hòa), Hội Liên hiệp Phụ nữ (LHPN) tỉnh long trọng tổ chức lễ kỷ "
        "niệm 80 năm ngày thành lập Hội LHPN Việt Nam.\n",
        ("2010-10-20", ["2010-10-19"]),
    ),
]


@pytest.mark.parametrize(("text", "expected"), _BAR_OVER_AN_OLDER_STAMP, ids=["sy05", "ra08"])
def test_a_sites_date_bar_over_an_older_report_gives_way_to_its_stamp(registry, text, expected):
    draft = draft_of(text, registry)
    assert (draft.source.published, [v.date_start for v in draft.visits]) == expected


# ih06: "Thứ bảy,  03/12/2022" atop a report of a congress "nhiệm kỳ 2010- 2015", its only years (the congress falls in
# its term's first year); jo01: "Thứ Bảy, ngày 13 tháng 12 năm 2025", a bar written in words, atop the review of 2023
# held "Chiều 22/12". Each time the bar is the day the page was read; a term still running, or a year as recent as the
# bar, leaves it the page's date.
_BAR_OVER_AN_OLDER_TEXT = [
    (
        "Thứ bảy,  03/12/2022\n\n"
        "Đại hội đại biểu Hội cựu TNXP tỉnh lần thứ II thành công tốt đẹp\n"
        "LSO-Sáng ngày 26/5 tại hội trường, Trường chính trị Hoàng Văn Thụ, Hội cựu TNXP tỉnh Lạng Sơn đã tổ chức đại "
        "hội đại biểu lần thứ hai, nhiệm kỳ 2010- 2015.\n",
        ["2010-05-26"],
        ("2010- 2015", "2022- 2027", "2022-12-03"),
    ),
    (
        "Thứ Bảy, ngày 13 tháng 12 năm 2025\n\n"
        "Thành phố Thủ Đức tuyên dương người cao tuổi năm 2023\n\n"
        "Chiều 22/12, Ban đại diện Hội Người cao tuổi TP Thủ Đức tổ chức hội nghị tổng kết công tác năm 2023.\n",
        ["2023-12-22"],
        ("năm 2023", "năm 2025", "2025-12-13"),
    ),
    # the bar's own year is no year the text speaks of (fresh tuning text h501): its "năm 2024" tied with the theme's
    # "Năm 2018" and, the later, made the contest of 2018 history
    (
        "Thứ Năm, ngày 28 tháng 3 năm 2024\n\n"
        "Hội thi tìm hiểu công tác dân vận chính quyền\n\n"
        "(Thanhuytphcm.vn) - Ngày 28/9, Ban Dân vận Quận ủy Bình Tân tổ chức vòng chung kết hội thi tìm hiểu công tác "
        "dân vận chính quyền với chủ đề “Năm 2018 - Năm dân vận chính quyền”.\n",
        ["2018-09-28"],
        ("Năm 2018", "Năm 2023", "2024-03-28"),
    ),
]


@pytest.mark.parametrize(("text", "events", "recent"), _BAR_OVER_AN_OLDER_TEXT, ids=["ih06", "jo01", "h501"])
def test_a_date_bar_over_a_text_of_years_long_past_is_no_publication_date(registry, text, events, recent):
    draft = draft_of(text, registry)
    assert (draft.source.published, [v.date_start for v in draft.visits]) == (None, events)
    older, newer, bar = recent
    assert draft_of(text.replace(older, newer), registry).source.published == bar


def test_a_documents_date_below_a_date_bar_leaves_it_the_pages_date(registry):
    """Seed s02: "Quyết định số 290-QĐ/TW ngày 25/2/2010" below "Thứ Tư, 1/12/2021" is a document's date, not a day
    the report opens with: the bar stays the page's date."""
    document = (
        "Thứ Tư, 1/12/2021\n"
        "Đoàn Kiểm tra của BCĐ Trung ương làm việc với Tỉnh ủy Bắc Kạn\n"
        "Tại buổi làm việc, Ban Dân vận Tỉnh ủy Bắc Kạn đã báo cáo về tình hình thực hiện Quyết định số 290-QĐ/TW ngày "
        "25/2/2010 của Bộ Chính trị.\n"
    )
    assert draft_of(document, registry).source.published == "2021-12-01"


def test_the_new_term_named_after_a_congress_gives_its_year(registry):
    """sw12: "Sau 3 ngày làm việc (từ 20 đến 22/9), … Đại hội … lần thứ XI đã bế mạc", then "… tổng kết … nhiệm kỳ
    2012-2017 vừa qua và xác định … nhiệm vụ trong nhiệm kỳ mới 2017-2022": the congress opens the new term."""
    text = (
        "Sau 3 ngày làm việc (từ 20 đến 22/9), với tinh thần trách nhiệm, Đại hội đại biểu Đoàn TNCS Hồ Chí Minh tỉnh "
        "Quảng Ninh lần thứ XI đã bế mạc và thành công tốt đẹp.\n"
        "Đây là sự kiện chính trị quan trọng của tuổi trẻ toàn tỉnh, nhằm đánh giá, tổng kết những nhiệm vụ đã đề ra "
        "trong nhiệm kỳ 2012-2017 vừa qua và xác định phương hướng, nhiệm vụ trong nhiệm kỳ mới 2017-2022.\n"
    )
    assert [(v.date_start, v.date_end) for v in draft_of(text, registry).visits] == [("2017-09-20", "2017-09-22")]


def test_the_span_of_a_campaign_a_gathering_answers_is_no_event(registry):
    """A show "hưởng ứng "Tuần lễ áo dài Việt Nam" do Trung ương Hội phát động (từ ngày 1/3-8/3/2024)": the week is the
    campaign of another body, not the text's gathering (fresh tuning text hv06); a body's own launch of its month
    keeps the month's span."""
    answered = (
        'Ngày hội có phần trình diễn thời trang áo dài thiết thực hưởng ứng "Tuần lễ áo dài Việt Nam" do Trung ương '
        "Hội phát động (từ ngày 1/3-8/3/2024).\n"
    )
    assert draft_of(answered, registry).visits == []
    launched = (
        'Sáng 17/10/2024, Ủy ban MTTQ huyện tổ chức lễ phát động "Tháng cao điểm vì người nghèo" (từ ngày '
        "17/10-18/11/2024).\n"
    )
    assert ("2024-10-17", "2024-11-18") in [(v.date_start, v.date_end) for v in draft_of(launched, registry).visits]


def test_an_appeal_sent_and_a_day_chosen_are_no_gatherings(registry):
    """sx07: "Ngày 4/10/2021, UB MTTQ Việt Nam Tỉnh Hà Giang đã có thư kêu gọi gửi các Sở, ban, ngành …"; sw08:
    "ngày 1/8/2003, Đoàn Chủ tịch Ủy ban Trung ương MTTQ Việt Nam quyết định lấy ngày 18/11 hằng năm là Ngày hội …"."""
    appeal = (
        "Ngày 4/10/2021, UB MTTQ Việt Nam Tỉnh Hà Giang đã có thư kêu gọi gửi các Sở, ban, ngành, tổ chức và nhân dân "
        "trên địa bàn tỉnh ủng hộ công tác phòng chống dịch.\n"
    )
    chosen = (
        "Để phát huy truyền thống đó, ngày 1/8/2003, Đoàn Chủ tịch Ủy ban Trung ương MTTQ Việt Nam quyết định lấy ngày "
        "18/11 hằng năm là Ngày hội Đại đoàn kết toàn dân tộc ở khu dân cư.\n"
    )
    assert (draft_of(appeal, registry).visits, draft_of(chosen, registry).visits) == ([], [])
    # a letter sent, though it answers a launch (tuning kv09)
    letter = (
        "Ngày 20/3/2020, Chủ tịch Ủy ban nhân dân tỉnh Nguyễn Thanh Bình đã có văn bản số 275/UBND-KGVX về việc hưởng "
        "ứng lễ phát động toàn dân tham gia ủng hộ người dân bị ảnh hưởng bởi hạn hán.\n"
    )
    assert draft_of(letter, registry).visits == []
    # the letter's name capitalised (fresh tuning text hx06)
    capital = (
        "Ngày 20/10/2020, Ủy ban MTTQ Việt Nam huyện có Thư kêu gọi quyên góp ủng hộ đồng bào các tỉnh miền Trung bị "
        "thiệt hại do mưa lũ.\n"
    )
    assert draft_of(capital, registry).visits == []
    # but the day an anniversary is named by is no appeal of the day's (ea04)
    marked = (
        "Sáng ngày 10/6/2018, thiết thực kỷ niệm 70 năm ngày Chủ tịch Hồ Chí Minh ra lời kêu gọi Thi đua ái quốc "
        "(11/6/1948 – 11/6/2018), Thành Đoàn Đà Nẵng đã tổ chức cho gần 100 đoàn viên thanh niên tham dự Lễ báo công.\n"
    )
    assert [v.date_start for v in draft_of(marked, registry).visits] == ["2018-06-10"]


def test_a_headline_counting_to_a_day_is_a_tally_not_a_gathering(registry):
    """rd07: under the stamp, "Tính đến ngày 23-1-2018, có 7/8 huyện, thị, thành phố trong tỉnh tổ chức tổng kết
    công tác Mặt trận năm 2017 …" stands as the headline: it counts reviews held, it is no gathering of the page's
    day."""
    text = (
        "Thứ Tư, ngày 24/01/2018 | 09:19\n"
        "Tính đến ngày 23-1-2018, có 7/8 huyện, thị, thành phố trong tỉnh tổ chức tổng kết công tác Mặt trận năm 2017, "
        "thông qua Nghị quyết chương trình thống nhất hành động năm 2018.\n"
    )
    draft = draft_of(text, registry)
    assert (draft.source.published, draft.visits) == ("2018-01-24", [])


def test_a_span_closing_at_an_hour_is_one_gathering():
    """ra04: "trong 02 ngày, bắt đầu từ 7h30 ngày 7/8 đến 17h00 ngày 8/8/2017": one span, not two days."""
    hits = find_dates(
        "Đại hội được tổ chức trong 02 ngày, bắt đầu từ 7h30 ngày 7/8 đến 17h00 ngày 8/8/2017 tại Hội trường"
    )
    assert [(h.day.isoformat(), h.end_day.isoformat() if h.end_day else None) for h in hits] == [
        ("2017-08-07", "2017-08-08")
    ]


def test_a_page_of_june_2025_keeps_the_old_code_and_a_byline_is_no_place(registry):
    text = "Phong trào “Dân vận khéo” được các cấp ủy triển khai đồng bộ.\nP. Dung\n"
    draft = draft_of(text, registry, published="2025-06", province="06")
    assert (draft.source.province, draft.source.province_note) == (
        "06",  # the month ends before 1/7/2025; its last day decides, not the year's
        "Bài không nêu tên tỉnh: lấy theo nơi đăng bài (do người nhập cung cấp).",
    )
    assert draft_of(text, registry).source.province is None  # "P. Dung" is the author, not phường Dung


# --- the corpus against the labelled set ----------------------------------------------------------------------


@pytest.fixture(scope="module")
def corpus_summary(registry):
    labels = load_labels(LABELS)
    return summarise(labels, run(labels, CORPUS, registry))


# Floors a little under what scripts/extraction_accuracy.py measures, so that a regression fails.
FLOORS = {
    "held_out": {
        "numbers": (0.95, 0.93),
        "documents": (0.95, 0.95),
        "dates": (0.85, 0.85),
        "provinces": (0.95, 0.95),
        "bodies": (0.95, 0.95),
    },
    "tuning": {
        "numbers": (0.97, 0.97),
        "documents": (0.97, 0.97),
        "dates": (0.95, 0.95),
        "provinces": (0.95, 0.95),
        "bodies": (0.95, 0.95),
    },
}


@needs_corpus
@pytest.mark.parametrize("group", ["tuning", "held_out"])
def test_corpus_accuracy_floor(corpus_summary, group):
    for name, (precision, recall) in FLOORS[group].items():
        measured = corpus_summary[group][name]
        assert measured["precision"] >= precision, (group, name, measured)
        assert measured["recall"] >= recall, (group, name, measured)
    assert corpus_summary[group]["periods"]["accuracy"] >= 0.9


# The fresh tuning texts (tests/fixtures/ingest, labels_fresh.yaml): floors a little under what
# scripts/extraction_accuracy.py measures, so that a rule that breaks a tuning text fails. The held-out sets have no
# floor here: a test that guards them would turn them into tuning sets.
FRESH_TUNING_FLOORS = {
    "numbers": (0.955, 0.965),  # H12 (a numeral naming its list is no count) against older labels that count it
    "documents": (0.95, 0.95),
    "event_dates": (0.91, 0.89),  # round 12's texts came in at 0,68 / 0,48 and were not all mended
    "provinces": (0.955, 0.96),
}


def test_fresh_tuning_accuracy_floor(registry):
    fixtures = ROOT / "tests" / "fixtures" / "ingest"
    labels = load_labels(fixtures / "labels_fresh.yaml")
    ids = labels["split"]["tuning"]
    tuning = {"texts": [t for t in labels["texts"] if t["id"] in set(ids)], "split": {"tuning": ids, "held_out": []}}
    summary = summarise(tuning, run(tuning, fixtures, registry))["tuning"]
    assert len(ids) == 2031
    for name, (precision, recall) in FRESH_TUNING_FLOORS.items():
        assert summary[name]["precision"] >= precision and summary[name]["recall"] >= recall, (name, summary[name])


LABEL_KEYS = {"id", "file", "scheme", "outlet_province", "published", "events", "provinces", "bodies", "documents"}
LABEL_KEYS |= {"why"}  # a second labeller's reason for a call (labels_second_events.yaml)
NUMBER_KEYS = {"value", "numerator", "denominator", "qualifier", "status", "period", "noun"}


@pytest.mark.parametrize("labels", sorted((ROOT / "tests" / "fixtures" / "ingest").glob("labels*.yaml")), ids=str)
def test_every_hand_label_has_only_known_fields(labels):
    """An unquoted comma in flow YAML ("noun: xã (Châu Thành, Chợ Gạo)") makes a stray key and cuts the noun."""
    data = load_labels(labels)
    ids = [t["id"] for t in data["texts"]]
    assert len(ids) == len(set(ids))
    for text in data["texts"]:
        assert set(text) <= LABEL_KEYS | {"numbers"}, (text["id"], set(text) - LABEL_KEYS)
        for number in text.get("numbers") or []:
            assert set(number) <= NUMBER_KEYS and "value" in number, (text["id"], number)
        if labels.name != "labels.yaml":  # that one's texts are the shared corpus's (test_split_was_recorded…)
            assert (labels.parent / text["file"]).is_file(), text["file"]


@needs_corpus
def test_split_was_recorded_and_covers_every_text():
    labels = load_labels(LABELS)
    ids = [t["id"] for t in labels["texts"]]
    assert sorted(labels["split"]["tuning"] + labels["split"]["held_out"]) == sorted(ids)
    assert len(ids) == 13
    for label in labels["texts"]:
        assert (CORPUS / label["file"]).is_file()


@needs_corpus
@pytest.mark.parametrize(
    "name",
    [
        *(f"seeds/{p.name}" for p in sorted((CORPUS / "seeds").glob("*.txt"))),
        *(f"articles/{p.name}" for p in sorted((CORPUS / "articles").glob("*.txt"))),
    ]
    if CORPUS.is_dir()
    else [],
)
def test_every_quote_is_verbatim_and_confidence_in_range(registry, name):
    draft = extract_file(CORPUS / name, registry)
    source = quote_key((CORPUS / name).read_text(encoding="utf-8-sig"))
    for item in draft.items():
        assert quote_key(item.quote) in source, item.quote
        assert 0 <= item.confidence <= 1


@needs_corpus
def test_seed_lang_son_values(registry):
    draft = extract_file(CORPUS / "seeds" / "000_7d6a0934250bfc3f.txt", registry)
    obs = {(o.value, o.period): o for o in draft.observations}
    assert obs[(1145, "2021-2023")].quote.startswith("Giai đoạn 2021 - 2023, có 1.291 mô hình")
    assert (obs[(80, "2024-04-25")].numerator, obs[(80, "2024-04-25")].denominator) == (166, 200)
    assert 1973 in values(draft) and 81.77 in values(draft)
    assert not {5, 4, 3} & {
        o.value for o in draft.observations if o.unit == "count" and o.subject in (None, "biết", "luôn")
    }
    assert [d.code for d in draft.documents] == ["25-NQ/TW", "43-KL/TW", "217-QĐ/TW", "218-QĐ/TW"]


# --- bad input ------------------------------------------------------------------------------------------------


def cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "danvan", "ingest", *args, "--data", str(ROOT / "data")],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_cli_prints_a_yaml_draft(tmp_path):
    path = tmp_path / "bai.txt"
    path.write_text(
        "Thứ Năm, 25/4/2024\nĐoàn khảo sát của Ban Dân vận Trung ương làm việc với Tỉnh ủy Lạng Sơn\n"
        "Giai đoạn 2021 - 2023, có 1.145 mô hình được công nhận.\n",
        encoding="utf-8",
    )
    result = cli(str(path))
    assert result.returncode == 0, result.stderr
    draft = yaml.safe_load(result.stdout)
    assert list(draft) == ["source", "visits", "documents", "observations"]
    assert draft["visits"][0]["province"] == "20"
    assert draft["observations"][0]["value"] == 1145


def test_cli_refuses_binary_file(tmp_path):
    path = tmp_path / "du-lieu.dat"  # no kind intake reads
    path.write_bytes(b"\x00\x01\x02\x03" + bytes(range(256)))
    result = cli(str(path))
    assert result.returncode == 1
    assert "du-lieu.dat" in result.stderr and "nhị phân" in result.stderr
    assert result.stdout == ""
    path = tmp_path / "anh.gif"  # a picture of a kind not read (a PNG or JPEG photo is read by OCR): what to save it as
    path.write_bytes(b"GIF89a\x01\x00\x01\x00" + bytes(range(256)))
    assert "anh.gif: không phải tệp nhận được (ảnh GIF; hãy lưu ảnh dạng PNG hoặc JPEG)" in cli(str(path)).stderr


def test_cli_refuses_windows_1258(tmp_path):
    path = tmp_path / "cu.txt"
    path.write_bytes(cp1258("Ban Dân vận Tỉnh ủy có 1.973 mô hình"))
    result = cli(str(path))
    assert result.returncode == 1
    assert "cu.txt" in result.stderr and "Windows-1258" in result.stderr
    assert "dòng 1 (byte 5)" in result.stderr and "trong Notepad, Tệp › Lưu thành, chọn Mã hóa “UTF-8”" in result.stderr


def test_a_windows_1258_table_says_its_line_and_how_excel_saves_it_as_utf8(tmp_path):
    """A provincial office's table saved by Excel as "CSV (Comma delimited)" is in the old code page: the message
    names the line, shows it as that code page reads it (for the curator to recognise), and says how Excel saves
    it as UTF-8; in English too."""
    path = tmp_path / "bao-cao.csv"
    path.write_bytes(b"ma,so\n20,1145\n" + cp1258("Lạng Sơn,1.145") + b"\n")
    result = cli(str(path))
    assert result.returncode == 1
    message = result.stderr.strip().removeprefix("Lỗi: ")
    assert message == (
        "bao-cao.csv: không đọc được dạng UTF-8 ở dòng 3 (byte 16); có thể là bảng mã Windows-1258 cũ (dòng này đọc "
        "theo bảng mã đó: “Lạng Sơn,1.145”) — hãy lưu lại dưới dạng UTF-8: trong Excel, Tệp › Lưu thành, chọn kiểu "
        "“CSV UTF-8 (Comma delimited)”"
    )
    assert english(message) == (
        "bao-cao.csv not readable as UTF-8 on line 3 (byte 16); probably the old Windows-1258 encoding (that line "
        "read in it: “Lạng Sơn,1.145”) — save it again as UTF-8: in Excel, File › Save As, type “CSV UTF-8 (Comma "
        "delimited)”"
    )


def test_cli_rejects_a_malformed_publication_date(tmp_path):
    path = tmp_path / "bai.txt"
    path.write_text("Năm 2023 có 5 mô hình.\n", encoding="utf-8")
    result = cli(str(path), "--published", "25/4/2024")
    assert result.returncode == 2 and "YYYY-MM-DD" in result.stderr


def test_huge_file_is_refused(tmp_path):
    path = tmp_path / "lon.txt"
    path.write_bytes(("Năm 2023 có 5 mô hình. " * 100_000).encode("utf-8"))  # about 2.4 MB
    with pytest.raises(IngestError, match="quá lớn"):
        read_article(path)
    result = cli(str(path))
    assert result.returncode == 1 and "lon.txt" in result.stderr


def test_missing_file(tmp_path):
    with pytest.raises(IngestError, match="không tìm thấy"):
        read_article(tmp_path / "khong-co.txt")


def test_empty_file_gives_an_empty_draft_with_a_note(tmp_path):
    path = tmp_path / "rong.txt"
    path.write_bytes(b"")
    draft = extract_file(path)
    assert (draft.visits, draft.documents, draft.observations) == ([], [], [])
    assert any("rỗng" in note for note in draft.source.notes)


def test_bom_is_dropped(tmp_path):
    path = tmp_path / "bom.txt"
    path.write_bytes("\ufeffNăm 2023, toàn huyện có 47 mô hình.\n".encode())
    assert values(extract_file(path)) == [47]


def test_html_is_stripped_never_echoed(tmp_path):
    path = tmp_path / "trang.html"
    path.write_text(
        "<!DOCTYPE html><html><head><title>x</title><script>var n = 999;</script></head><body>"
        "<div class='menu'>Lượt xem: 591</div><p>Năm 2023, toàn tỉnh có <b>1.973</b> mô hình "
        "&ldquo;Dân vận khéo&rdquo;.</p><p>&lt;script&gt;alert(1)&lt;/script&gt;</p></body></html>",
        encoding="utf-8",
    )
    draft = extract_file(path)
    assert values(draft) == [1973]
    out = draft.to_yaml()
    assert "<" not in out and ">" not in out
    assert any("HTML" in note for note in draft.source.notes)
    assert draft.observations[0].quote == "Năm 2023, toàn tỉnh có 1.973 mô hình “Dân vận khéo”."


def test_english_article_gives_an_empty_draft_with_a_note():
    text = (
        "Thursday, 25/4/2024\nThe Central Mass Mobilisation Commission surveyed Lang Son province. In 2023 the "
        "province recognised 1,145 models and 81.77% of procedures were handled online.\n"
    )
    draft = draft_of(text)
    assert (draft.visits, draft.documents, draft.observations) == ([], [], [])
    assert any("tiếng Việt" in note for note in draft.source.notes)


def test_nfd_text_gives_the_same_draft_as_nfc(tmp_path, registry):
    text = (
        "Thứ Năm, 25/4/2024\nĐoàn khảo sát của Ban Dân vận Trung ương làm việc với Tỉnh ủy Lạng Sơn\n"
        "Đến nay, tỉnh có 96/181 xã đạt chuẩn nông thôn mới, đạt tỷ lệ 53%; huyện Lệ Thủy có 31 sản phẩm.\n"
    )
    nfc_path, nfd_path = tmp_path / "nfc.txt", tmp_path / "nfd.txt"
    nfc_path.write_text(text, encoding="utf-8")
    nfd_path.write_text(unicodedata.normalize("NFD", text), encoding="utf-8")
    assert unicodedata.normalize("NFD", text) != text
    nfc_draft, nfd_draft = extract_file(nfc_path, registry), extract_file(nfd_path, registry)
    nfc_draft.source.file = nfd_draft.source.file = "x"
    assert nfd_draft == nfc_draft
    assert values(nfd_draft) == [53, 31]


# --- generalisation (issue 9 §2) -------------------------------------------------------------------------------


def test_lengths_with_a_glued_unit_and_equal_figures_of_a_list_are_all_drafted():
    text = (
        "Kết quả đã lắp đặt 270 bóng điện với tổng chiều dài 10.700m. Thôn A Lư: 50 bóng điện, chiều dài 1.900m. "
        "Thôn Bờ Lư: 50 bóng điện, chiều dài 1.900m.\n"
    )
    assert sorted(values(draft_of(text))) == [50, 50, 270, 1900, 1900, 10700]


def test_equal_figures_in_one_sentence_are_items_of_a_list():
    assert values(draft_of("Ban Tổ chức đã trao 2 giải nhất, 2 giải nhì; 4 giải ba; 4 giải tư.\n")) == [2, 2, 4, 4]


def test_a_year_opening_the_lead_frames_later_figures():
    text = (
        "(GLO)- Năm 2021, MTTQ các cấp trong tỉnh đã chú trọng công tác giám sát.\n"
        "MTTQ giới thiệu để HĐND bầu 372 vị hội thẩm nhân dân.\n"
    )
    obs = draft_of(text).observations[0]
    assert (obs.value, obs.period) == (372, "2021")
    assert "câu mở đầu" in obs.period_note


@pytest.mark.parametrize(
    ("text", "body"),
    [
        (
            "Chiều ngày 13-10-2020, tại trụ sở Ban Dân vận Tỉnh ủy, đồng chí A Pớt thay mặt Thường trực Tỉnh ủy "
            "đã thăm, làm việc với cán bộ.",
            "Thường trực Tỉnh ủy",
        ),
        ("Sáng 15/10/2024, hội nghị tổng kết diễn ra. Theo Ban Dân vận Thành ủy Hội An, có 501 mô hình.", None),
        (
            "Ngày 5/3/2024, Ban Tuyên giáo và Dân vận Tỉnh ủy tổ chức khảo sát tại phường Tân An.",
            "Ban Tuyên giáo và Dân vận Tỉnh ủy",
        ),
    ],
)
def test_the_acting_body_not_a_place_or_a_source(text, body):
    bodies = [v.body for v in draft_of("Tin hoạt động công tác dân vận\n" + text + "\n").visits]
    assert bodies == [body]  # "Theo Ban Dân vận …" names a source: the conference is drafted with no organiser


@pytest.mark.parametrize(
    ("text", "body", "level"),
    [
        (
            "Ngày 9/1/2020, Ban Chỉ đạo (BCĐ) thực hiện Quy chế dân chủ (QCDC) ở cơ sở tỉnh tổ chức hội nghị tổng kết.",
            "Ban Chỉ đạo thực hiện Quy chế dân chủ ở cơ sở tỉnh",
            "province",
        ),
        (
            'Ngày 9/1/2020, BCĐ phong trào thi đua "Dân vận khéo" tỉnh tổ chức hội nghị tổng kết.',
            'Ban Chỉ đạo phong trào thi đua "Dân vận khéo" tỉnh',
            "province",
        ),
        (
            "Sáng ngày 02 tháng 7 năm 2021, Ban Thường trực Ủy ban MTTQ Việt Nam huyện tổ chức hội nghị lần thứ sáu.",
            "Ban Thường trực Ủy ban MTTQ Việt Nam huyện",
            "district",
        ),
        (
            "Sáng ngày 07/7/2023, Đoàn giám sát của Ủy ban MTTQ Việt Nam huyện tiến hành giám sát tại UBND xã "
            "Duy Vinh.",
            "Ủy ban MTTQ Việt Nam huyện",
            "district",
        ),
        (
            "Sáng ngày 03/12/2018, Đoàn kiểm tra của Khối dân vận xã đã đến làm việc với Tổ dân vận ấp Vĩnh Thọ.",
            "Khối dân vận xã",
            "commune",
        ),
        (
            "Sáng 13/12/2023, Ban Dân vận, Hội LHPN, Hội Nông dân, Đoàn TNCS Hồ Chí Minh huyện Đất Đỏ tổ chức Hội nghị "
            "tổng kết công tác dân vận.",
            "Ban Dân vận huyện",
            "district",
        ),
        (
            "Ngày 26/5/2017, Tổ Kiểm tra số 4 do đồng chí Trác Xuân Cường – PCT UBND huyện, Phó Trưởng Ban Chỉ đạo "
            "thực hiện quy chế dân chủ huyện làm Tổ trưởng đã tiến hành kiểm tra tại Phòng giáo dục.",
            "Ban Chỉ đạo thực hiện quy chế dân chủ huyện",  # the team's office, from its leader's title
            "district",
        ),
        (
            "Ngày 12/1/2010, Ban dân vận Trung ương tổ chức Hội nghị quán triệt Kết luận 57 của Bộ Chính trị.",
            "Ban Dân vận Trung ương",
            "central",
        ),
    ],
)
def test_bodies_by_their_full_names(text, body, level):
    visit = draft_of(text + "\n").visits[0]
    assert (visit.body, visit.body_level) == (body, level)


@pytest.mark.parametrize(
    ("text", "body", "level"),
    [
        ("Ngày 5/3/2024, Ban Dân vận TƯ tổ chức hội nghị.", "Ban Dân vận Trung ương", "central"),
        ("Ngày 5/3/2024, Ủy ban Kiểm tra Tỉnh ủy kiểm tra tại huyện.", "Ủy ban Kiểm tra Tỉnh ủy", "province"),
        ("Ngày 5/3/2024, UBTƯ MTTQ Việt Nam tổ chức hội nghị.", "Ủy ban Trung ương MTTQ Việt Nam", "central"),
        ("Ngày 5/3/2024, Ban Tổ chức Huyện ủy làm việc với xã.", "Ban Tổ chức Huyện ủy", "district"),
    ],
)
def test_other_party_bodies_keep_their_own_names(text, body, level):
    text += " Tham dự có lãnh đạo các sở, ban, ngành và Mặt trận Tổ quốc, các đoàn thể."  # a sentence, not a dateline
    visit = draft_of("Tin hoạt động công tác dân vận trong tuần\n" + text + "\n").visits[0]
    assert (visit.body, visit.body_level) == (body, level)


def test_a_communes_body_is_drafted_at_the_commune_level():
    visit = draft_of("Sáng ngày 03/12/2018, Khối dân vận xã đã đến kiểm tra và làm việc với Tổ dân vận ấp.\n").visits[0]
    assert (visit.body, visit.body_level) == ("Khối dân vận xã", "commune")
    assert not any("cấp xã" in n for n in visit.notes)


@pytest.mark.parametrize(
    ("body", "level"),
    [
        ("Đảng ủy phường", "commune"),
        ("Ủy ban MTTQ xã Tân Lập", "commune"),
        ("Hội Nông dân thị trấn Phong Điền", "commune"),
        ("Mặt trận Tổ quốc và các tổ chức chính trị - xã hội", None),  # the "xã" of "xã hội" is no commune
        ("Ban Dân vận Huyện ủy Lâm Hà", "district"),
    ],
)
def test_body_levels_down_to_the_commune(body, level):
    assert body_level(body, None, None, None, []) == level


def test_a_steering_committee_in_a_document_code_is_not_a_body():

    assert find_bodies("Thực hiện Kế hoạch số 28-KH/BCĐ, ngày 13/4/2017 về kiểm tra việc thực hiện QCDC.") == []


def test_ngay_cang_is_not_a_dateline(registry):
    from danvan.ingest.places import find_places

    hits = find_places("góp phần tiếp tục xây dựng Kon Tum ngày càng phát triển.", registry)
    assert [(h.name, h.province) for h in hits] == [("Kon Tum", "62")]
    assert find_places("Hà Nội, ngày 10 tháng 01 năm 2020", registry) == []


def test_a_lead_event_without_a_named_organiser_is_drafted_for_the_curator():
    text = (
        'Trong 2 ngày 8-9/11/2018 Hội thi "Dân vận khéo" tỉnh Điện Biên lần thứ II được tổ chức tại Trung tâm '
        "Hội nghị văn hóa tỉnh.\n"
    )
    visit = draft_of(text).visits[0]
    assert (visit.date_start, visit.date_end, visit.body) == ("2018-11-08", "2018-11-09", None)
    assert any("cơ quan tổ chức" in n for n in visit.notes) and visit.confidence <= 0.4


def test_a_year_reviewed_in_january_is_reviewed_the_year_after():
    visit = draft_of("Ngày 8/1, Huyện ủy Xuyên Mộc tổ chức hội nghị Tổng kết công tác Dân vận năm 2019.\n").visits[0]
    assert (visit.date_start, visit.body) == ("2020-01-08", "Huyện ủy")
    assert "tổng kết năm 2019 diễn ra vào đầu năm sau" in visit.date_note
    # a year honoured in January, its name holding a dot (fresh tuning cy03)
    honours = "Sáng ngày 1.1, Thành đoàn TP.HCM tổ chức lễ tuyên dương Công dân trẻ tiêu biểu TP.HCM năm 2012.\n"
    (visit,) = draft_of(honours).visits
    assert visit.date_start == "2013-01-01"
    assert "tuyên dương năm 2012 diễn ra vào đầu năm sau" in visit.date_note
    # an award of the year, given in March, is that year's (battery case)
    award = (
        "Sáng 26/3, tại Phủ Chủ tịch, Chủ tịch nước đã có buổi gặp mặt 87 cán bộ Đoàn xuất sắc tiêu biểu toàn quốc "
        "được tuyên dương và vinh dự nhận Giải thưởng Lý Tự Trọng năm 2018.\n"
    )
    assert [v.date_start for v in draft_of(award).visits] == ["2018-03-26"]


@pytest.mark.parametrize(
    "results",
    [
        # ip06
        "Đối với kết quả công tác năm 2021, hội nghị nhất trí đánh giá MTTQ các cấp đã triển khai thực hiện tốt.",
        # ip08
        "Tại các nơi đến thăm, ông Hải đã thông tin những kết quả nổi bật về tình hình kinh tế - xã hội của tỉnh năm "
        "2021.",
    ],
)
def test_a_january_day_in_a_text_on_a_years_results_falls_in_the_year_after(results):
    text = f"Chiều 10/1, Ban Thường trực Ủy ban MTTQ tỉnh tổ chức hội nghị lần thứ 6. {results}\n"
    assert [v.date_start for v in draft_of(text).visits] == ["2022-01-10"]
    # the year spoken of, with no results of it: its own January
    plain = "Chiều 10/1, Ban Thường trực Ủy ban MTTQ tỉnh tổ chức hội nghị lần thứ 6, triển khai nhiệm vụ năm 2021.\n"
    assert [v.date_start for v in draft_of(plain).visits] == ["2021-01-10"]


def test_a_habit_kept_since_a_month_to_now_is_no_gathering_but_a_round_of_festivals_is():
    habit = (
        "(GLO)- Bám sát hướng dẫn của Ban Tuyên giáo và Dân vận Trung ương, ngành Tuyên giáo và Dân vận tỉnh Gia Lai "
        "đã đề xuất xây dựng nhiều mô hình hay.\n"
        "Từ đầu tháng 8-2025 đến nay, đều đặn sáng thứ Bảy hằng tuần, lãnh đạo xã Đề Gi tổ chức gặp gỡ, lắng nghe ý "
        "kiến của người dân.\n"
    )
    assert draft_of(habit).visits == []  # ih04
    festivals = (
        "Từ đầu tháng 11/2022 đến nay, các thôn, làng trên địa bàn huyện Đak Đoa đã tổ chức Ngày hội Đại đoàn kết "
        "toàn dân tộc ở khu dân cư.\n"
    )
    assert event_keys(draft_of(festivals)) == {"2022-11"}  # p1300
    # a day the text counts from to its present starts the stretch reported, no gathering's day (fresh tuning kj04)
    since = (
        "(GLO)- Ngày 17-10, Ban Thường trực Ủy ban MTTQ Việt Nam tỉnh Gia Lai đã tổ chức Lễ phát động Tháng cao điểm "
        "“Vì người nghèo” (17-10-2018 đến 18-11-2018).\n"
        "Tại lễ phát động, đại diện Ban Thường trực Ủy ban MTTQ tỉnh Gia Lai đã báo cáo kết quả thực hiện xây dựng Quỹ "
        "vì người nghèo từ ngày 17-10-2017 đến nay, đã nhận được sự tham gia của các tầng lớp nhân dân.\n"
    )
    assert "2017-10-17" not in event_keys(draft_of(since))
    # a yearly habit's days, with no year of their own (tuning kl09)
    yearly = (
        "Ngày 20/10/2021, Ủy ban MTTQ tỉnh tổ chức Lễ phát động Tháng cao điểm “Vì người nghèo”. Tháng cao điểm “Vì "
        "người nghèo” hằng năm được tổ chức từ ngày 17/10 - 18/11.\n"
    )
    assert event_keys(draft_of(yearly)) == {"2021-10-20"}
    # the day the 2025 reform took effect, counted from, is no gathering (fresh tuning cl01)
    reform = (
        "Ngày 26/11/2025, Hội Người cao tuổi phường Lê Chân tổ chức Đại hội đại biểu lần thứ I, nhiệm kỳ 2026 - 2031.\n"
        "Cùng với quá trình chuyển đổi sang mô hình chính quyền địa phương 2 cấp từ ngày 1/7/2025, yêu cầu kiện toàn "
        "tổ chức Hội càng trở nên cấp thiết.\n"
    )
    assert event_keys(draft_of(reform)) == {"2025-11-26"}


@pytest.mark.parametrize(
    "exam",
    [
        "Kỳ thi THPT Quốc gia năm 2019 diễn ra trong 3 ngày (từ ngày 25 đến 27/6/2019).",  # iu09
        "Năm nay, kỳ thi vào lớp 10 của TP Hà Nội diễn ra từ ngày 25/6 đến ngày 27/6/2019.",  # it09
    ],
)
def test_an_exams_own_days_are_no_gathering(exam):
    assert draft_of(exam + "\n").visits == []
    # the volunteers' visit on the exam's first day keeps its own day, not the exam's span
    text = f"Sáng 25/6, các đoàn công tác của Thành Đoàn đi thăm, tặng quà các đội hình tình nguyện. {exam}\n"
    assert [(v.date_start, v.date_end) for v in draft_of(text).visits] == [("2019-06-25", None)]


def test_a_lead_told_as_recent_below_a_byline_and_a_stamp_is_dated_by_the_page():
    # tuning oi08: the byline and the stamp do not push the lead out of the text's first paragraphs
    text = (
        "Đồng Tháp: Tuyên dương mô hình Cộng đồng học tập tiêu biểu\n\nĐắc Quang\n\n20:51 - 20/11/2023\n\n"
        "Hội Khuyến học tỉnh Đồng Tháp và Công ty xăng dầu Đồng Tháp vừa tổ chức tuyên dương mô hình Cộng đồng học tập "
        "tiêu biểu cho Tổ Nhân dân tự quản.\n"
    )
    assert [v.date_start for v in draft_of(text).visits] == ["2023-11-20"]


@pytest.mark.parametrize(
    ("text", "gathering"),
    [
        # tuning p714, mv09: "được khởi công xây dựng vào ngày …" tells of the building, not of a gathering
        (
            "Ngày 1/9/2016, Tỉnh đoàn Bình Định tổ chức lễ khánh thành, bàn giao công trình thanh niên cầu Hòa Phong. "
            "Công trình thanh niên cầu Hòa Phong được khởi công xây dựng vào ngày 7/1/2016.\n",
            "2016-09-01",
        ),
        # tuning p188: the flags of an occasion hang for its days
        (
            "Ngày 20/9/2025, Ủy ban MTTQ xã tổ chức hội nghị triển khai Ngày hội Đại đoàn kết toàn dân tộc. Vận động "
            "nhân dân, các cơ quan, đơn vị trên địa bàn tổ chức treo cờ Đảng, cờ Tổ quốc, băng rôn, khẩu hiệu tuyên "
            "truyền tại các trục đường chính bắt đầu từ ngày 17/9 đến hết ngày 30/9/2025.\n",
            "2025-09-20",
        ),
    ],
)
def test_the_days_a_building_was_begun_or_flags_hung_are_no_gathering_but_the_gathering_beside_them_is(text, gathering):
    assert event_keys(draft_of(text)) == {gathering}


def test_each_dated_clause_of_a_sentence_is_an_event(monkeypatch):
    # the rules' reading; the event model (weights fitted on the tuning texts) sets the planned 06/11 aside
    monkeypatch.setattr(event_model, "model", lambda: event_model.Model({"bias": 5.0}, event_model.THRESHOLD))
    text = (
        "Ngày 22/10/2019, Ban Thường trực Ủy ban MTTQ Việt Nam huyện tổ chức Hội nghị triển khai Ngày hội Đại đoàn "
        "kết. Theo đó, Ban Thường trực Ủy ban MTTQ Việt Nam huyện chọn ấp 8 làm điểm, thời gian tổ chức dự kiến "
        "06/11/2019; các ấp còn lại sẽ đồng loạt tổ chức từ ngày 10/11/2019 đến ngày 18/11/2019.\n"
    )
    spans = [(v.date_start, v.date_end) for v in draft_of(text).visits]
    assert spans == [("2019-10-22", None), ("2019-11-06", None), ("2019-11-10", "2019-11-18")]


def test_a_month_beside_a_dated_gathering_is_the_period_reviewed():
    text = (
        "Ngày 14/6/2022, Ủy ban MTTQ Việt Nam huyện thành lập đoàn giám sát việc thực hiện quy chế dân chủ tại xã "
        "Quế Mỹ. Thời gian giám sát từ tháng 01/2021 - 6/2022.\n"
        "Trong tháng 8/2020, Ủy ban MTTQ Việt Nam huyện đã đẩy mạnh giám sát công tác phòng, chống dịch.\n"
    )
    assert [v.date_start for v in draft_of(text).visits] == ["2022-06-14"]
    alone = draft_of("Trong tháng 8/2020, Ủy ban MTTQ Việt Nam huyện tổ chức giám sát công tác phòng, chống dịch.\n")
    assert [(v.date_start, v.date_precision) for v in alone.visits] == [("2020-08-01", "month")]


def test_a_gathering_with_no_organiser_named_is_drafted_wherever_the_text_dates_it():
    text = (
        "Chuẩn bị kỹ lưỡng cho ngày hội toàn dân\n\n"
        "Công tác chuẩn bị cho ngày bầu cử đang được gấp rút tiến hành trên cả nước.\n\n"
        "Tổng Bí thư phát biểu chỉ đạo Hội nghị trực tuyến toàn quốc triển khai công tác bầu cử, sáng 21/1/2021.\n"
    )
    (visit,) = draft_of(text).visits
    assert (visit.date_start, visit.body) == ("2021-01-21", None)
    assert any("cơ quan tổ chức" in n for n in visit.notes)


def test_a_working_delegation_on_its_days_is_a_visit_though_its_verb_comes_after():
    """Fresh text kp12: "Trong 03 ngày, từ ngày 18/04 đến ngày 20/04/2019, Đoàn công tác của Hội Nông dân tỉnh …
    làm trưởng đoàn", what it did told in the next paragraph."""
    text = (
        "Trong 03 ngày, từ ngày 18/04 đến ngày 20/04/2019, Đoàn công tác của Hội Nông dân tỉnh An Giang do đồng chí "
        "Châu Văn Ly, Chủ tịch Hội Nông dân tỉnh làm trưởng đoàn\n\nTại tỉnh Cà Mau, đoàn đã thăm hợp tác xã.\n"
    )
    assert [(v.date_start, v.date_end) for v in draft_of(text).visits] == [("2019-04-18", "2019-04-20")]
    trip = (
        "Trong 2 ngày 28-29/01/2018, đồng chí Bùi Văn Cường, Chủ tịch Tổng Liên đoàn Lao động Việt Nam có chuyến công "
        "tác tại tỉnh Điện Biên.\n"
    )
    assert [(v.date_start, v.date_end) for v in draft_of(trip).visits] == [("2018-01-28", "2018-01-29")]


def test_an_undated_gathering_is_dated_by_the_page_and_a_plenum_is_not_one():
    text = (
        "Nghi Hải triển khai thực hiện Quyết định 217 QĐ/TW của Bộ Chính trị\n\nĐăng ngày 23/05/2014\n\n"
        "Quyết định 217 QĐ/TW là sự thể chế hóa cơ chế Đảng lãnh đạo, nhân dân làm chủ.\n\n"
        "Cũng tại hội nghị này, các đại biểu còn được thông báo tình hình biển Đông.\n"
    )
    (visit,) = draft_of(text).visits
    assert (visit.date_start, visit.body) == ("2014-05-23", None)
    assert "lấy ngày đăng 23/05/2014" in visit.date_note
    plenum = "Đăng ngày 23/05/2014\n\nHội nghị Trung ương 7 khóa XI đã ban hành Nghị quyết về công tác dân vận.\n"
    assert draft_of(plenum).visits == []  # neither as the headline nor as a sentence
    assert draft_of("Đăng ngày 23/05/2014\n\nTin tức\n\n" + plenum.split("\n\n")[1]).visits == []
    # a congress worked towards is not one held
    towards = "Đăng ngày 04/12/2023\n\nHướng đến Đại hội VIII Hội Nông dân Việt Nam: những cách làm hay (Bài 4)\n"
    assert draft_of(towards).visits == []
    assert draft_of(towards.replace("Hướng đến Đại hội", "Khai mạc Đại hội")).visits[0].date_start == "2023-12-04"
    planned = "Đăng ngày 18/10/2025\n\nHội Nông dân tỉnh đã ban hành kế hoạch chỉ đạo Đại hội Hội Nông dân các xã.\n"
    assert draft_of(planned).visits == []
    # a volunteer trip held "vừa qua" (round 41's p1448)
    volunteers = (
        "03:36 11/07/2017\nVừa qua Chi đoàn Viện Kiểm sát nhân dân tỉnh Gia Lai tổ chức hoạt động tình nguyện về "
        "nguồn tại xã Ia Phang, huyện Chư Pưh.\n"
    )
    assert [v.date_start for v in draft_of(volunteers).visits] == ["2017-07-11"]
    # a reception of donations (round 55's p1942)
    reception = (
        "Đăng ngày 24/11/2025\n\nTại buổi tiếp nhận, lãnh đạo tỉnh đã nhận bảng biểu trưng 100 tỉ đồng hỗ trợ khắc "
        "phục hậu quả lũ lụt.\n"
    )
    assert [v.date_start for v in draft_of(reception).visits] == ["2025-11-24"]
    # a review just held under a site's bar and the page's stamp, its body abbreviated (fresh tuning text ip12)
    review_held = (
        "Thứ Năm, ngày 21/06/2018 00:37 AM (GMT+7)\nChủ Nhật, ngày 12/01/2014 00:18 AM (GMT+7)\n\n"
        "Hải Phòng: Phấn đấu có 60.000 hộ nông dân SXKD giỏi\n\n"
        "Hội ND thành phố vừa tổng kết công tác hội và phong trào ND năm 2013. Năm 2013, các phong trào thi đua của "
        "Hội vẫn phát triển mạnh mẽ.\n"
    )
    assert [(v.date_start, v.body) for v in draft_of(review_held).visits] == [("2014-01-12", "Hội ND thành phố")]
    # rounds of supervision counted in the headline are a tally (fresh tuning text ov06)
    rounds = (
        "Bình Phước: Các cấp Hội phối hợp tổ chức gần 600 cuộc giám sát\n18:06 - 20/08/2021\n(KNTC) - Thời gian "
        "qua, Hội ND tỉnh đã phối hợp với các đơn vị lựa chọn nội dung kiểm tra, giám sát theo nhiều chuyên đề.\n"
    )
    assert draft_of(rounds).visits == []
    # a speech opening a programme (fresh tuning text ej08)
    opening = (
        " date 2026-01-31 Phát biểu khai mạc chương trình, bà Đỗ Thị Hiền, Chủ tịch Liên đoàn Lao động tỉnh Thái "
        "Nguyên cho biết, dịp Tết Nguyên đán Bính Ngọ năm 2026, Liên đoàn Lao động tỉnh đã chăm lo cho đoàn viên.\n"
    )
    assert [v.date_start for v in draft_of(opening).visits] == ["2026-01-31"]
    # a review held (fresh tuning text yu04): "tổ chức tổng kết" is a gathering, as "đã tổng kết" is
    review = (
        "Hội người cao tuổi xã tổng kết năm 2021\n\n09:44 15/01/2022\n\nHội người cao tuổi xã Thạnh Mỹ Tây tổ chức "
        "tổng kết tình hình hoạt động năm 2021 và phương hướng nhiệm vụ năm 2022.\n"
    )
    assert [v.date_start for v in draft_of(review).visits] == ["2022-01-15"]
    # a ceremony the page reports (round 55's p1338): "Tại lễ phát động …, Đoàn phường … tổ chức hoạt động"
    launch = (
        " date 2025-09-20 Tại lễ phát động “Ngày Vệ sinh môi trường” nhân Ngày Dọn rác Thế giới 2025, Đoàn phường "
        "Cẩm Thành tổ chức hoạt động “Đổi sách, truyện cũ lấy quà xanh”.\n"
    )
    assert [v.date_start for v in draft_of(launch).visits] == ["2025-09-20"]


def test_gatherings_tallied_are_not_dated_by_the_page():
    """Fresh tuning texts yl06 and tx04 (H6): a round of gatherings completed in many places, or gatherings counted,
    is a tally; one body's own congress completed is still a gathering of the page's day."""
    page = (
        "Bầu 170 thành viên Ban Thanh tra nhân dân với tỷ lệ tán thành 100%\n\n"
        "Cập nhật, 05:15, Thứ Ba, 15/03/2022 (GMT+7)\n\nTin từ cơ sở. {}\n"
    )
    tallies = [
        "Huyện Vũng Liêm hoàn thành hội nghị cử tri ở ấp- khóm để bầu thành viên Ban Thanh tra nhân dân.",
        "Đến nay, đã tổ chức 581 cuộc hội nghị, có 26.460 cử tri tham dự.",
        "Đến nay, 95/95 xã, phường của tỉnh đã tổ chức thành công đại hội MTTQ xã, phường.",
        "148 Hội Nông dân xã, phường hoàn thành Đại hội nhiệm kỳ 2025 - 2030.",
        # gatherings in the plural (fresh tuning text rq04)
        "Ủy ban MTTQ tỉnh phối hợp tổ chức hiệu quả các hội nghị tiếp xúc cử tri của Đoàn đại biểu Quốc hội.",
        # work done every year (ai03)
        "Hội Nông dân huyện còn phối hợp mua phân bón chậm trả cho nông dân, mỗi năm từ 200 đến 300 tấn; phối hợp "
        "với Trạm khuyến nông tổ chức hội thảo đầu bờ cho hội viên.",
    ]
    for sentence in tallies:
        assert draft_of(page.format(sentence)).visits == [], sentence
    one = "Hội Nông dân xã Long Giang hoàn thành Đại hội nhiệm kỳ 2022 - 2027."
    assert [v.date_start for v in draft_of(page.format(one)).visits] == ["2022-03-15"]
    # a headline that tallies heads a review: no gathering below it is the page's (fresh tuning text ah05); a round's
    # pilot congress is one body's (p1760)
    review = (
        "Ủy ban MTTQ Việt Nam tỉnh tổ chức 3 hội nghị phản biện xã hội\n\n24/12/2020 | 09:35 GMT+7\n\n"
        "Năm 2020, Ủy ban MTTQ Việt Nam các cấp tổ chức được 290 cuộc giám sát. Bên cạnh đó, Ban Thường trực Ủy "
        "ban MTTQ Việt Nam tỉnh thành lập đoàn khảo sát việc thi hành Luật Mặt trận Tổ quốc Việt Nam.\n\n"
        "Hội nghị phản biện dự thảo kế hoạch chuyển đổi cơ cấu cây trồng.\n"
    )
    assert draft_of(review).visits == []
    feature = (  # festivals in the plural (ai12)
        "Sát cánh cùng thanh niên qua những ngày hội\n\n15/10/2025 08:00\n\nChị Đỗ Thị Ngọc Duy, Phó chủ tịch "
        "thường trực Hội Liên hiệp thanh niên Việt Nam TP.Cần Thơ, có sáng kiến tổ chức Ngày hội thanh niên Cần Thơ.\n"
    )
    assert draft_of(feature).visits == []
    share = (  # a share of the round's congresses (li03)
        "Quảng Ninh: 100% Đại hội đại biểu phụ nữ cấp huyện nhiệm kỳ 2021-2026 hoàn thành nhiệm vụ đề ra\n\n"
        "17/09/2021\nBCH Hội LHPN TP. Móng Cái khóa XIX, nhiệm kỳ 2021-2026 ra mắt đại hội\n"
    )
    assert draft_of(share).visits == []
    pilot = "Hội Phụ nữ xã Nghĩa An tổ chức đại hội điểm cấp cơ sở\nNgày đăng : 06:02, 25/03/2021\n{}"
    assert [v.date_start for v in draft_of(pilot.format("Đại hội đã thành công tốt đẹp.\n")).visits] == ["2021-03-25"]
    # … and so is one under a headline that tells of the round (fresh tuning text a601)
    round_pilot = (
        "10/01/2019 - 19:17\n\nTP.Tân An: Các xã, phường tổ chức đại hội đại biểu Mặt trận Tổ quốc\n\n"
        "Ủy ban MTTQ Việt Nam TP.Tân An phối hợp Đảng ủy, HĐND, UBND phường 6 tổ chức Đại hội điểm Đại hội đại biểu "
        "MTTQ Việt Nam phường 6 lần thứ V (nhiệm kỳ 2019-2024).\n"
    )
    assert [v.date_start for v in draft_of(round_pilot).visits] == ["2019-01-10"]
    assert draft_of(round_pilot.replace("Đại hội điểm ", "")).visits == []
    # a press conference is a gathering (fresh text p710): "Tại buổi họp báo, lãnh đạo Ủy ban MTTQ … cho biết"
    press = "Ông Hà Anh Dũng, Phó Chủ tịch Ủy ban MTTQ Việt Nam tỉnh Đồng Nai chủ trì buổi họp báo."
    assert [v.date_start for v in draft_of(page.format(press)).visits] == ["2022-03-15"]


def test_a_page_dated_gathering_is_held_unless_the_future_is_its_own():
    held = (
        "Hội người cao tuổi Thị xã: Kỷ niệm 74 năm ngày truyền thống người cao tuổi\n\nĐăng ngày 04/06/2015\n\n"
        "Với tinh thần thẳng thắn, các đại biểu tham dự hội nghị đã thảo luận, đóng góp ý kiến nhằm thực hiện "
        "tốt công tác chăm sóc người cao tuổi trong những năm sắp tới.\n"
    )
    assert [v.date_start for v in draft_of(held).visits] == ["2015-06-04"]
    ahead = held.replace(
        "Với tinh thần thẳng thắn, các đại biểu tham dự hội nghị đã thảo luận, đóng góp ý kiến nhằm thực hiện "
        "tốt công tác chăm sóc người cao tuổi trong những năm sắp tới.",
        "Theo bà Liên, đại hội thành lập Hội Người cao tuổi tỉnh Đồng Nai sẽ diễn ra vào quý IV.",
    )
    # not the page's day: its own quarter, a planned gathering (H5, p1588)
    assert [(v.date_start, v.date_end) for v in draft_of(ahead).visits] == [("2015-10-01", "2015-12-31")]
    assert draft_of(ahead.replace(" vào quý IV", "")).visits == []
    assert draft_of(held.replace("tham dự hội nghị", "sẽ tham dự hội nghị")).visits == []
    planned = ahead.replace(" vào quý IV", "").replace(
        "Theo bà Liên, đại hội thành lập", "Cũng trong chương trình đại hội, ban tổ chức sẽ sơ kết"
    )
    assert draft_of(planned).visits == []


def test_a_commune_steering_committee_named_in_lower_case_organises():
    text = (
        "Chiều ngày 12/12/2023, Ban chỉ đạo công tác vận động quần chúng phường Ninh Sơn tổ chức triển khai kế "
        "hoạch phối hợp làm công tác dân vận.\n"
    )
    (visit,) = draft_of(text).visits
    assert (visit.date_start, visit.body) == ("2023-12-12", "Ban chỉ đạo công tác vận động quần chúng phường")


def test_the_parts_of_a_count_take_the_noun_written_after_the_last():
    text = (
        "Hiện người có uy tín trong đồng bào dân tộc thiểu số của tỉnh là 995 người (trong đó nam 924, nữ 13, dân "
        "tộc Jrai 612, dân tộc Bahnar 296, dân tộc khác 47 người).\n"
    )
    parts = [(o.value, o.breakdown) for o in draft_of(text).observations]
    assert parts == [
        (995, None),
        (924, "nam"),
        (13, "nữ"),
        (612, "dân tộc Jrai"),
        (296, "dân tộc Bahnar"),
        (47, "dân tộc khác"),
    ]
    # a name with a number inside brackets that list no parts stays a name
    assert values(draft_of("Dự án cầu Nhật Lệ 3 (gồm các hạng mục) đã hoàn thành 100%.\n")) == [100]


def test_after_the_merger_a_name_now_another_provinces_is_read_in_the_new_scheme(registry):
    text = "Trong 2 ngày 14 và 15/10, Ủy ban MTTQ Việt Nam phường Vĩnh Phúc tổ chức Đại hội đại biểu lần thứ I.\n"
    assert draft_of(text, registry, published="2025-10-15").visits[0].province == "25"  # Phú Thọ's, not Ba Đình's
    assert draft_of(text, registry, published="2024-10-15").visits[0].province == "01"  # then Hà Nội's ward


def test_after_the_merger_a_new_communes_longer_name_wins_over_an_old_shorter_one(registry):
    """xã Hồ Vương (Thanh Hóa, from 1/7/2025) is not the old scheme's xã Hồ of Bắc Ninh followed by a word."""
    text = "Sáng 14/9/2025, Đảng bộ xã Hồ Vương tổ chức hội nghị học tập, quán triệt Nghị quyết Đại hội.\n"
    (visit,) = draft_of(text, registry).visits
    assert (visit.province, visit.commune) == ("38", "Hồ Vương")


def test_a_congress_is_dated_in_the_first_year_of_its_term():
    text = (
        "Trong hai ngày 30 và 31/7, Đại hội đại biểu MTTQ Việt Nam tỉnh Cao Bằng lần thứ XIII, nhiệm kỳ 2024 – 2029 "
        "diễn ra với sự tham gia của 246 đại biểu chính thức.\n"
    )
    (visit,) = draft_of(text).visits
    assert (visit.date_start, visit.date_end) == ("2024-07-30", "2024-07-31")
    assert "nhiệm kỳ 2024–2029" in visit.date_note
    # the term spelt "nhiệm kì" (fresh text uk06), beside another year the text names more often
    spelt = "Sáng 14/3, Hội nông dân xã Hoà Sơn đã tổ chức Đại hội đại biểu nhiệm kì 2018 – 2023. Năm 2015, năm 2015.\n"
    assert event_keys(draft_of(spelt)) == {"2018-03-14"}
    # the term with its number before the years (tuning text qsw07)
    numbered = "Sáng 25-7 Hội Khuyến học TP.HCM đã tổ chức Đại hội nhiệm kỳ IV (2015-2020).\n"
    assert event_keys(draft_of(numbered)) == {"2015-07-25"}
    two_days = draft_of("Trong 2 ngày 21, 22-3-2019, Đại hội MTTQ huyện Nga Sơn lần thứ XVII đã diễn ra.\n").visits
    assert [(v.date_start, v.date_end) for v in two_days] == [("2019-03-21", "2019-03-22")]
    # the term named in another sentence on the congress (round 40's p1398); none named: no year, no event
    later = (
        "Sáng 19-5, tại Lữ đoàn 972 đã diễn ra Đại hội đại biểu Hội Truyền thống Trường Sơn tỉnh lần thứ nhất.\n"
        "Đại hội đã bầu Ban Chấp hành Hội nhiệm kỳ 2024-2029 gồm 15 đồng chí.\n"
    )
    assert [v.date_start for v in draft_of(later).visits] == ["2024-05-19"]
    assert draft_of(later.replace(" nhiệm kỳ 2024-2029", "")).visits == []
    # … or in a sentence on those it elected (battery events): "được bầu làm Chủ tịch … nhiệm kỳ 2016-2021"
    elected = (
        "Ngày 9-11, Đại hội đại biểu toàn quốc lần thứ V Hội Người cao tuổi Việt Nam đã khai mạc tại Hà Nội.\n"
        "Bà Phạm Thị Hải Chuyền được bầu làm Chủ tịch Hội Người cao tuổi Việt Nam nhiệm kỳ 2016-2021.\n"
    )
    assert [v.date_start for v in draft_of(elected).visits] == ["2016-11-09"]
    # the Front's congress agrees on its officers ("hiệp thương"), it does not elect them (fresh tuning text vn08)
    agreed = (
        "Sáng 22/9, Đại hội Đại biểu Mặt trận Tổ quốc Việt Nam phường An Cựu diễn ra phiên chính thức.\n"
        "Ông Nguyễn Quang Cườm được hiệp thương giữ chức Chủ tịch MTTQ Việt Nam phường An Cựu khóa I, nhiệm kỳ "
        "2025 - 2030.\n"
    )
    assert [v.date_start for v in draft_of(agreed).visits] == ["2025-09-22"]
    assert draft_of(agreed.replace("được hiệp thương giữ chức", "là")).visits == []
    # an association's representatives' conference is its congress (round 41's p1457)
    conference = (
        "Sáng nay (15/10), Ban đại diện Hội Người cao tuổi Quảng Nam tổ chức hội nghị đại biểu lần thứ V, nhiệm kỳ "
        "2021-2026.\n"
    )
    assert [v.date_start for v in draft_of(conference).visits] == ["2021-10-15"]
    # an election opens its term as a congress does (fresh text ux03)
    (election,) = draft_of("Sáng ngày 13.9, phường An Xuân tổ chức bầu khối phố trưởng nhiệm kỳ 2015-2017.\n").visits
    assert election.date_start == "2015-09-13" and "bầu cử nhiệm kỳ 2015–2017" in election.date_note


@pytest.mark.parametrize(
    ("sentence", "day", "why"),
    [
        # a review closes its span (H4): the span's last year
        (
            "Ngày 28/7, Ủy ban MTTQ thành phố tổ chức Hội nghị lần thứ 3, sơ kết 5 năm về công tác dân tộc, tôn giáo "
            "giai đoạn 2015-2020.",
            dt.date(2020, 7, 28),
            "tổng kết giai đoạn 2015–2020",
        ),
        (
            "Sáng 10/10, Hội Nông dân tỉnh tổ chức Đại hội tuyên dương nông dân sản xuất, kinh doanh giỏi lần thứ XX, "
            "giai đoạn 2022-2024.",
            dt.date(2024, 10, 10),
            "năm cuối giai đoạn",
        ),
        (
            "Sáng 31-7, Hội Cựu Chiến binh huyện Hàm Yên tổ chức Đại hội Thi đua 'Cựu chiến binh gương mẫu' giai đoạn "
            "2019-2024.",
            dt.date(2024, 7, 31),
            "năm cuối giai đoạn",
        ),
        # the span reviewed, not the next one the review plans (fresh tuning br05)
        (
            "Ngày 30/12, tại thành phố Kon Tum diễn ra Hội nghị tổng kết bản ghi nhớ hợp tác giữa Hội LHPN tỉnh Kon "
            "Tum với Hội Phụ nữ tỉnh Attapư giai đoạn 2019 -2024, đề ra phương hướng hợp tác giai đoạn 2024-2029.",
            dt.date(2024, 12, 30),
            "tổng kết giai đoạn 2019–2024",
        ),
        # … one of January or February, once it is over (fresh tuning texts p863, yq06), a term's too
        (
            "Chiều 24/2, Hội Nông dân tỉnh tổ chức tôn vinh Nông dân xuất sắc lần thứ 2, giai đoạn 2018-2020.",
            dt.date(2021, 2, 24),
            "tổng kết vào đầu năm sau",
        ),
        (
            "Tối ngày 03.01, tại văn phòng ấp Phước Long I đã diễn ra hội nghị Ban Công Tác Mặt Trận ấp, tổng kết "
            "nhiệm kỳ 2013 – 2018.",
            dt.date(2019, 1, 3),
            "giai đoạn 2013–2018",
        ),
        # deputies are elected in the spring of the term's first year, prepared from the autumn before
        (
            "Chiều ngày 16/4, Ủy ban MTTQ tỉnh tổ chức Hội nghị Hiệp thương lần 3 để lập danh sách những người ứng "
            "cử đại biểu HĐND các cấp nhiệm kỳ 2021-2026.",
            dt.date(2021, 4, 16),
            "bầu cử nhiệm kỳ 2021–2026",
        ),
        (
            "Ngày 20/10, Ủy ban MTTQ tỉnh tổ chức Hội nghị hiệp thương lần thứ nhất bầu cử đại biểu HĐND tỉnh "
            "nhiệm kỳ 2026-2031.",
            dt.date(2025, 10, 20),
            "chuẩn bị từ cuối năm 2025",
        ),
        # a school year honoured once it is over, in its second year (tuning mw08, mf05)
        (
            "Chiều 15/11, Tỉnh Đoàn, Hội Sinh viên Việt Nam tỉnh Đắk Lắk tổ chức chương trình tuyên dương “Học sinh 3 "
            "tốt”, “Sinh viên 5 tốt” cấp tỉnh năm học 2024 - 2025.",
            dt.date(2025, 11, 15),
            "tuyên dương, khen thưởng năm học 2024–2025",
        ),
        # one school year closes and the next opens, in the year they share (fresh tuning bs02)
        (
            "Ngày 27/9, Công đoàn ngành Giáo dục tỉnh tổ chức hội nghị tổng kết hoạt động công đoàn năm học 2021 - "
            "2022, triển khai phương hướng nhiệm vụ trọng tâm năm học 2022 - 2023.",
            dt.date(2022, 9, 27),
            "năm học 2021–2022 khép lại",
        ),
        # a school year named in brackets
        (
            "Sáng 5.9, Ủy ban MTTQ xã tổ chức trao học bổng cho học sinh nghèo vào năm học mới (2018-2019).",
            dt.date(2018, 9, 5),
            "cùng câu",
        ),
    ],
)
def test_a_yearless_day_takes_the_year_of_the_span_it_reviews_or_the_election_it_prepares(sentence, day, why):
    (hit,) = find_dates(sentence, default_year=1900)
    placed = sentence_year(hit, sentence)
    assert placed.day == day
    assert why in placed.year_note


def test_an_anniversary_a_movement_heads_for_gives_no_year():
    """Tuning an04: "phát động phong trào thi đua hướng tới kỷ niệm 70 năm … (10/10/1954 - 10/10/2024)" looks a year
    ahead; the year the sentence names is the gathering's. One celebrated now still gives its year."""
    ahead = (
        "Sáng 9/10, Thành ủy - HĐND - UBND- Ủy ban MTTQ Việt Nam TP Hà Nội tổ chức Hội nghị biểu dương điển hình "
        "tiên tiến; Vinh danh “Công dân Thủ đô ưu tú” năm 2023 và phát động phong trào thi đua hướng tới kỷ niệm 70 "
        "năm Ngày Giải phóng Thủ đô (10/10/1954 - 10/10/2024)."
    )
    assert sentence_year(find_dates(ahead, default_year=1900)[0], ahead).day == dt.date(2023, 10, 9)
    now = ahead.replace("hướng tới kỷ niệm", "chào mừng kỷ niệm")
    assert sentence_year(find_dates(now, default_year=1900)[0], now).day == dt.date(2024, 10, 9)


@pytest.mark.parametrize(
    "sentence",
    [
        # a review of March may be held in the span's last year or the year after: no year guessed
        "Chiều 24/3, Hội Nông dân tỉnh tổ chức tôn vinh Nông dân xuất sắc lần thứ 2, giai đoạn 2018-2020.",
        # a mid-term review (fresh tuning text ze04) closes no term
        "Sáng ngày 16/8, Ủy ban MTTQ Việt Nam xã tổ chức Hội nghị sơ kết giữa nhiệm kỳ thực hiện Nghị quyết Đại hội "
        "Mặt trận Tổ quốc xã nhiệm kỳ 2019 - 2024.",
        # the Front's own consultation inside its term is no election: a day inside a term gets no year
        "Ngày 16/3, Ủy ban MTTQ tỉnh tổ chức Hội nghị bất thường để hiệp thương cử bổ sung Ủy viên nhiệm kỳ 2019-2024.",
        # a launch opens a span, it does not review it
        "Ngày 12/8, Hội phát động phong trào thi đua giai đoạn 2021-2025.",
    ],
)
def test_a_yearless_day_beside_a_span_or_term_it_does_not_close_gets_no_year(sentence):
    (hit,) = find_dates(sentence, default_year=1900)
    assert sentence_year(hit, sentence).day.year == 1900


def test_two_days_joined_by_va_far_apart_are_two_gatherings_and_close_ones_one_span():
    found = find_dates("Ngày 19 và 25/7/2019, Ban Dân vận tổ chức tập huấn; ngày 22, 23 và 24/5/2023 Hội họp")
    assert [(h.day, h.end_day) for h in found] == [
        (dt.date(2019, 7, 19), None),
        (dt.date(2019, 7, 25), None),
        (dt.date(2023, 5, 22), dt.date(2023, 5, 24)),
    ]
    # a day between them, not a run of days: two gatherings (fresh tuning de11); days running stay one span
    found = find_dates("Trong 2 ngày 10 và 13-1-2020, Công đoàn cơ sở trao quà; chiều 28 và sáng 29-5-2020 họp")
    assert [(h.day, h.end_day) for h in found] == [
        (dt.date(2020, 1, 10), None),
        (dt.date(2020, 1, 13), None),
        (dt.date(2020, 5, 28), dt.date(2020, 5, 29)),
    ]
    # a stray space after the slash of a yearless day (fresh tuning dl01)
    (day,) = find_dates("Chiều 23/ 9, Hội liên hiệp phụ nữ Phường Nghi Thu đã ra mắt CLB", default_year=2019)
    assert (day.day, day.end_day) == (dt.date(2019, 9, 23), None)
    text = (
        "Hội Nông dân giải ngân vốn Quỹ hỗ trợ nông dân\n24/10/2019 09:29\n"
        "Ngày 17/10 và ngày 22/10/2019, Hội Nông dân tỉnh phối hợp với Hội Nông dân huyện Phú Tân đã giải ngân vốn "
        "Quỹ hỗ trợ nông dân cho 20 hội viên.\n"
    )
    assert sorted(v.date_start for v in draft_of(text).visits) == ["2019-10-17", "2019-10-22"]


def test_two_days_apart_listed_with_a_comma_are_two_gatherings_and_a_run_of_days_one_span():
    """Fresh text kc08: "Ngày 26, 28/4/2023 và 05/5/2023" are three days of their own; "17,18,19 tháng 8" is one."""
    found = find_dates(
        "Ngày 26, 28/4/2023 và 05/5/2023, Hội LHPN tỉnh tổ chức liên hoan; ngày 17,18,19 tháng 8/2022 họp"
    )
    assert [(h.day, h.end_day) for h in found] == [
        (dt.date(2023, 4, 26), None),
        (dt.date(2023, 4, 28), None),
        (dt.date(2023, 5, 5), None),
        (dt.date(2022, 8, 17), dt.date(2022, 8, 19)),
    ]
    (pair,) = find_dates("Ngày 26, 27/4/2023, Hội tổ chức hội nghị")
    assert (pair.day, pair.end_day) == (dt.date(2023, 4, 26), dt.date(2023, 4, 27))


@pytest.mark.parametrize(
    "text",
    [
        # kv08: the congress's resolution carried to the members, its congress over (H4: inside the term, no year)
        "Ngày 24-5, Hội Liên hiệp Phụ nữ tỉnh đã tổ chức hội nghị triển khai Nghị quyết Đại hội đại biểu Phụ nữ tỉnh "
        "lần thứ XVII, nhiệm kỳ 2021-2026 và tập huấn nghiệp vụ công tác Hội.\n",
        # p630: a contest on that resolution reviewed, not the term (it had been dated 2029, "the year after")
        "(QNO) - Ngày 10/1, Hội Nông dân tỉnh Quảng Nam tổng kết và trao thưởng cuộc thi trực tuyến tìm hiểu Nghị "
        "quyết Đại hội đại biểu Hội Nông dân tỉnh lần thứ IX (nhiệm kỳ 2023 - 2028).\n",
    ],
)
def test_a_day_that_carries_a_congresss_resolution_takes_no_year_from_its_term(text):
    assert [v.date_start for v in draft_of(text).visits] == [None]
    # the congress itself opens its term
    held = (
        "Ngày 24-5, Hội Liên hiệp Phụ nữ tỉnh tổ chức Đại hội đại biểu Phụ nữ tỉnh lần thứ XVII, nhiệm kỳ 2021-2026.\n"
    )
    assert [v.date_start for v in draft_of(held).visits] == ["2021-05-24"]


def test_a_month_work_has_gone_on_since_is_no_gathering_but_a_part_of_a_month_is():
    """Fresh texts lb12, ld09: "phát động từ tháng 5/2020", "Ngay từ tháng 5-2023, BTC đã xây dựng kế hoạch, phát
    động"; kj01's "Ngay từ cuối tháng 2, Tỉnh đoàn … tổ chức ra quân" is a gathering late in February."""
    since = (
        "Mô hình ngày đại đoàn kết vì cộng đồng do Ban Thường trực Ủy ban MTTQ Việt Nam tỉnh Đồng Tháp phát động từ "
        "tháng 5/2020.\n"
    )
    assert [v.date_start for v in draft_of(since).visits] == []
    late = "Ngay từ cuối tháng 2/2025, Tỉnh đoàn Hà Giang đã tổ chức ra quân hưởng ứng tháng Thanh niên.\n"
    assert [(v.date_start, v.date_precision) for v in draft_of(late).visits] == [("2025-02-01", "month")]


def test_a_month_still_to_come_in_words_of_the_future_is_a_planned_gathering_though_no_body_is_named():
    """Fresh text jh06: a school's youth union (no body the rules know) "sẽ tiếp tục tổ chức … đợt 3 vào tháng 9 năm
    2024" in a page of 6/6/2024; a month already past, or told without the future, is none."""
    text = (
        "Hiến máu tình nguyện đợt 2\n06.06.2024\nSáng ngày 5/6, Đoàn trường Đại học Kiên Giang tổ chức hiến máu tình "
        "nguyện đợt 2 năm 2024.\nDự kiến, Đoàn trường Đại học Kiên Giang sẽ tiếp tục tổ chức chương trình hiến máu "
        "tình nguyện đợt 3 vào tháng {} năm 2024.\n"
    )
    assert "2024-09" in event_keys(draft_of(text.format(9)))
    assert "2024-03" not in event_keys(draft_of(text.format(3)))
    assert "2024-09" not in event_keys(draft_of(text.format(9).replace("Dự kiến, ", "").replace(" sẽ tiếp tục", "")))


def test_a_plans_horizon_names_no_year_for_an_undated_page():
    """Fresh text kc10: "Chiến lược … giai đoạn 2021 - 2030, tầm nhìn 2045" had dated "Ngày 29/8" in 2045."""
    text = (
        "Ngày 29/8, Ủy ban MTTQ huyện Lâm Bình tổ chức Hội nghị phản biện xã hội đối với Dự thảo Kế hoạch thực hiện "
        "Chiến lược công tác dân tộc giai đoạn 2021 - 2030, tầm nhìn 2045 trên địa bàn huyện.\n"
    )
    assert [v.date_start for v in draft_of(text).visits] == [None]  # the conference, its year unknown
    assert reference_year(prepare(text), None) == (None, None)


def test_an_anniversary_in_a_plans_sentence_still_gives_the_year():
    """Fresh text gh04: the only year was an anniversary's, in a sentence that also pledged ("phấn đấu")."""
    text = (
        "Ngày 10/11, tại khu dân cư xóm 2, Ban công tác mặt trận xóm đã tổ chức ngày hội “Đại đoàn kết toàn dân tộc”.\n"
        "Nhân dân xóm 2 đã ôn lại chặng đường 82 năm từ ngày thành lập Mặt trận Dân tộc thống nhất Việt Nam "
        "(18/11/1930 – 18/11/2012); Trưởng Ban công tác mặt trận xóm đã cùng nhân dân đăng ký phấn đấu đạt danh hiệu "
        "Gia đình văn hóa.\n"
    )
    assert reference_year(prepare(text), None)[0] == 2012
    assert [v.date_start for v in draft_of(text).visits] == ["2012-11-10"]


def test_an_inspections_rounds_and_the_period_it_inspects():
    """Fresh text ge04: "chia làm 2 đợt" is a plan's rounds, no tally of gatherings held, so the first round stays an
    event; "từ tháng 01/2020 đến thời điểm kiểm tra" is the period inspected, no event."""
    text = (
        "Hà Nội thành lập 3 đoàn kiểm tra Quy chế dân chủ ở cơ sở\n\n"
        "Ngày 25/3/2021, Ban Chỉ đạo xây dựng và thực hiện Quy chế dân chủ ở cơ sở của Thành ủy ban hành kế hoạch "
        "kiểm tra.\n\nTheo đó, nội dung kiểm tra kết quả xây dựng và thực hiện QCDC tại các địa phương, đơn vị từ "
        "tháng 01/2020 đến thời điểm kiểm tra.\n\nViệc tiến hành kiểm tra được chia làm 2 đợt: Đợt 1, từ tháng 7 đến "
        "tháng 8/2021 (kiểm tra tại các sở, quận, huyện); đợt 2, từ tháng 10 đến tháng 11/2021 (kiểm tra tại các xã).\n"
    )
    keys = event_keys(draft_of(text))
    assert {"2021-07..2021-08", "2021-10..2021-11"} <= keys
    assert "2020-01" not in keys


def test_the_day_of_the_storm_is_not_the_day_of_the_help():
    """Fresh text gl07: a span typed with a space after its slash ("3 – 4/ 11/2015") is read whole, and the day the
    storm struck, told well before the date ("bão lụt gây ra trên địa bàn huyện vào ngày 2/11/2015"), is no event."""
    text = (
        "Huyện đoàn hỗ trợ khắc phục hậu quả bão lũ năm 2015\n\n"
        "Để kịp thời hỗ trợ khắc phục những thiệt hại do bão lụt gây ra trên địa bàn huyện vào ngày 2/11/2015 vừa qua, "
        "ngày 3 – 4/ 11/2015, Ban Thường vụ Huyện đoàn đã tổ chức cho đoàn viên thanh niên giúp nhân dân dọn dẹp.\n"
    )
    assert [(h.day.isoformat(), h.end_day and h.end_day.isoformat()) for h in find_dates("ngày 3 – 4/ 11/2015")] == [
        ("2015-11-03", "2015-11-04")
    ]
    assert event_keys(draft_of(text)) == {"2015-11-03..2015-11-04"}


def test_two_days_joined_with_spaces_about_the_months_dash():
    """Fresh tuning text io02: "Trong 2 ngày, 11 và 12 - 4, Ủy ban MTTQ Việt Nam huyện Thuận Nam tổ chức Đại hội lần
    thứ II, nhiệm kỳ 2019- 2024" is a congress of two days; a range of decimals ("từ 2,2 - 2,5 triệu đồng/tháng",
    tuning ik11) is none."""
    days = find_dates("Trong 2 ngày, 11 và 12 - 4", default_year=2000)
    assert [(h.day.isoformat(), h.end_day and h.end_day.isoformat()) for h in days] == [("2000-04-11", "2000-04-12")]
    assert find_dates("với mức thu nhập từ 2,2 - 2,5 triệu đồng/tháng", default_year=2000) == []
    text = (
        "Trong 2 ngày, 11 và 12 - 4, Ủy ban MTTQ Việt Nam huyện Thuận Nam tổ chức Đại hội lần thứ II, nhiệm kỳ 2019- "
        "2024.\n"
    )
    assert event_keys(draft_of(text)) == {"2019-04-11..2019-04-12"}


def test_a_yearless_day_takes_the_year_of_an_earlier_day_its_sentence_dates():
    """Fresh text h705, with no date of its own: "Ngày 7/11, Ban Vận động cứu trợ huyện … tổ chức trao kinh phí hỗ
    trợ làm nhà cho 24 hộ dân bị ảnh hưởng do mưa lũ, sạt lở đất xảy ra sáng 25/7/2024": the aid of 7/11 follows the
    flood of that year, and the morning the flood struck is no gathering. A day written in another sentence, or one
    later in the year than the day to date, gives no year beyond a few weeks."""
    text = (
        "Ngày 7/11, Ban Vận động cứu trợ huyện Điện Biên phối hợp với Hội Chữ thập đỏ huyện tổ chức trao kinh phí hỗ "
        "trợ làm nhà cho 24 hộ dân bị ảnh hưởng do mưa lũ, sạt lở đất xảy ra sáng 25/7/2024 tại xã Mường Pồn.\n"
    )
    visits = draft_of(text).visits
    assert [v.date_start for v in visits] == ["2024-11-07"]
    assert "trong cùng câu (25/07/2024)" in (visits[0].date_note or "")
    apart = (
        "Mưa lũ, sạt lở đất xảy ra sáng 25/7/2024 tại xã Mường Pồn.\n"
        "Ngày 7/11, Ban Vận động cứu trợ huyện Điện Biên tổ chức trao kinh phí hỗ trợ làm nhà cho 24 hộ dân.\n"
    )
    assert event_keys(draft_of(apart)) == set()
    later = (
        "Ngày 7/2, Ban Vận động cứu trợ huyện Điện Biên tổ chức trao kinh phí hỗ trợ làm nhà cho các hộ dân bị ảnh "
        "hưởng do đợt rét đậm ngày 25/7/2024 tại xã Mường Pồn.\n"
    )
    assert "2024-02-07" not in event_keys(draft_of(later))
    # a headline that ends on the storm leaves the lede's own morning alone (tuning iz05)
    headline = (
        "Hỗ trợ người dân xã Thanh Phong bị ảnh hưởng bởi bão số 10\n\n"
        "Chiều 27/11/2025, Hội Chữ thập đỏ tỉnh Thanh Hóa tổ chức trao hàng hóa cứu trợ cho các hộ dân.\n"
    )
    assert event_keys(draft_of(headline)) == {"2025-11-27"}


def test_a_hard_wrapped_lede_that_opens_with_its_day_is_no_title():
    """Fresh text gu02: "Sáng ngày 04/8, tại hội trường Huyện ủy" / "Thường Tín, Ban Thường trực … tổ chức kỳ họp"
    was cut after its first line as if that were a title, and the meeting was lost."""
    text = (
        "Sáng ngày 04/8, tại hội trường Huyện ủy\n"
        "Thường Tín, Ban Thường trực Ủy ban MTTQ huyện tổ chức kỳ họp thứ 6, nhiệm kỳ\n"
        "2014-2019. Về dự kỳ họp có các đồng chí: Lê Văn Minh-UVTV, Chủ tịch Ủy ban MTTQ\n"
        "huyện; Nguyễn Sỹ Tuyến-UVTV, Phó Chủ tịch Thường trực UBND huyện; đại diện lãnh\n"
        "đạo các tổ chức thành viên, các vị Ủy viên Ủy ban MTTQ huyện; lãnh đạo các\n"
        "phòng ban, cơ quan chuyên môn thuộc huyện.\n"
        "Tại kỳ họp, đại diện Ban Thường trực Ủy ban\n"
        "MTTQ huyện đã báo cáo kết quả công tác Mặt trận 6 tháng đầu năm, phương hướng\n"
        "nhiệm vụ 6 tháng cuối năm 2016.\n"
        "Phát biểu bế mạc kỳ họp, đồng chí Lê Văn\n"
        "Minh-UVTV, Chủ tịch Ủy ban MTTQ huyện đề nghị, 6 tháng cuối năm 2016, MTTQ các\n"
        "cấp phối hợp chặt chẽ với chính quyền.\n"
    )
    assert prepare(text).paragraphs[0].text.startswith("Sáng ngày 04/8, tại hội trường Huyện ủy\nThường Tín")
    assert event_keys(draft_of(text)) == {"2016-08-04"}


def test_the_digits_of_a_web_address_in_the_text_are_no_figures():
    text = (
        "Bế mạc Hội thi cán bộ Hội Nông dân giỏi\n\nTham dự hội thi có 12 đội. Nguồn Quảng Ngãi: "
        "http://baoquangngai.vn/thoi-su/trong-tinh/202409/be-mac-hoi-thi-98233e8/\n"
    )
    assert values(draft_of(text)) == [12]


def test_a_script_printed_english_time_stamp_is_the_publication_date():
    text = (
        "Đại hội đại biểu Hội Cựu chiến binh tỉnh Thái Nguyên lần thứ VIII, nhiệm kỳ 2025 - 2030\n"
        "Fri Nov 21 15:54:00 GMT+07:00 2025\n\nQuang cảnh Đại hội\n"
    )
    draft = draft_of(text)
    assert (draft.source.published, draft.source.published_quote) == (
        "2025-11-21",
        "Fri Nov 21 15:54:00 GMT+07:00 2025",
    )


def test_a_year_first_time_stamp_alone_on_a_line_is_the_publication_date():
    """ "2023-01-31 03:06" under the headline (tuning p2106): the page's date, so "Ngày 13.1" is of 2023."""
    text = (
        "Vĩnh Long: Nhiều hộ nghèo, neo đơn được đón Tết Nguyên đán trong căn nhà mới\n\n2023-01-31 03:06\n\n"
        "Ngày 13.1, tin từ Ủy ban MTTQ VN tỉnh Vĩnh Long cho biết, cơ quan này vừa kết hợp với nhà hảo tâm đến thăm, "
        "tặng quà tết và bàn giao nhà đại đoàn kết cho các hộ nghèo. Đây là những căn nhà trong số 1.300 căn nhà giúp "
        "Vĩnh Long xóa hộ khó khăn về nhà ở năm 2022.\n"
    )
    draft = draft_of(text)
    assert (draft.source.published, draft.source.published_quote) == ("2023-01-31", "2023-01-31 03:06")


def test_a_stamp_glued_to_a_title_that_ends_in_a_figure_is_the_publication_date():
    """Tuning p365 and sv06: a site prints its stamp right after the title, so "… nhiệm kỳ 2024-2029" and
    "19/01/2024 - 16:09:00" run together; the day was lost among the title's digits and "vừa tổ chức" had no date."""
    text = (
        "Xã Thanh Sơn tổ chức Đại hội MTTQ điểm nhiệm kỳ 2024-202919/01/2024 - 16:09:00 Đại hội MTTQ xã Thanh Sơn, "
        "huyện Thanh Hà vừa tổ chức đã bàn giải pháp thực hiện các nhiệm vụ trọng tâm trong nhiệm kỳ tới.\n"
    )
    draft = draft_of(text)
    assert (draft.source.published, draft.source.published_quote) == ("2024-01-19", "19/01/2024 - 16:09:00")
    text = "Tiến tới Đại hội Đoàn thanh niên tỉnh lần thứ 1406/01/2022 - 16:35:00 Tỉnh Đoàn vừa tổ chức họp báo.\n"
    assert draft_of(text).source.published == "2022-01-06"


LEAD = "Ngày 3/4, Hội Cựu chiến binh xã Đại Phong tổ chức Hội nghị tổng kết phong trào thi đua.\n"


@pytest.mark.parametrize(
    ("header", "published", "quote"),
    [
        # pages' stamps in the tuning texts that were read as no date (tf06, yu09: taken for counters)
        ("Ngày đăng: 30.03.2022", "2022-03-30", "Ngày đăng: 30.03.2022"),
        ("12.03.2019", "2019-03-12", "12.03.2019"),
        # a clock before the day, its half of the day or a weekday between, on the lead's line (p1283) or under a
        # title closing on an anniversary's days (yk10)
        ("07:44 AM 10/01/2023 | Lượt xem: 1188 In bài viết |" + LEAD, "2023-01-10", "07:44 AM 10/01/2023"),
        (
            "Kỷ niệm 92 năm ngày thành lập Đoàn (26/03/1931- 26/03/2023)\n8:35, Thứ Sáu, 24-3-2023",
            "2023-03-24",
            "8:35, Thứ Sáu, 24-3-2023",
        ),
        ("2024-11-18 14:46:00.0", "2024-11-18", "2024-11-18 14:46:00.0"),  # uv06
        ("Monday, July 22, 2019", "2019-07-22", "Monday, July 22, 2019"),  # p2139
        ("Thứ hai, 24 Tháng 10 2022 14:50", "2022-10-24", "Thứ hai, 24 Tháng 10 2022 14:50"),  # sz11
        (
            "Được viết ngày Thứ Sáu, 05 Tháng tư 2024 02:22",
            "2024-04-05",
            "Được viết ngày Thứ Sáu, 05 Tháng tư 2024 02:22",
        ),
        # a server's half of the day after the clock (j408); a blog platform's day heading (i501)
        (
            "Tin tức sự kiện 30 Tháng Giêng 2023 4:40:00 CH",
            "2023-01-30",
            "Tin tức sự kiện 30 Tháng Giêng 2023 4:40:00 CH",
        ),
        ("Thứ Hai, 4 tháng 1, 2010", "2010-01-04", "Thứ Hai, 4 tháng 1, 2010"),
        ("Đăng ngày 20 - 06 - 2018", "2018-06-20", "Đăng ngày 20 - 06 - 2018"),  # spaced dashes (l803)
        (  # its poster and count of views after the clock (l309)
            "Thứ sáu, 27 Tháng 9 2019 09:58 adminVHTT Lượt xem : 69",
            "2019-09-27",
            "Thứ sáu, 27 Tháng 9 2019 09:58 adminVHTT Lượt xem : 69",
        ),
        # month first only where day first cannot be (p1806); "08/03/2024 03:14:47 PM" stays 8 March (p1393's site)
        ("• Thời gian đăng: 4/13/2022 1:57:17 PM", "2022-04-13", "• Thời gian đăng: 4/13/2022 1:57:17 PM"),
        ("• Thời gian đăng: 08/03/2024 03:14:47 PM", "2024-03-08", "• Thời gian đăng: 08/03/2024 03:14:47 PM"),
        ("T4 ,12/09/2018 - 2:45 chiều | admin", "2018-09-12", "T4 ,12/09/2018 - 2:45 chiều | admin"),  # not the 4th
        ("05-20-2019", "2019-05-20", "05-20-2019"),  # alone on its line, month first where day first cannot be (gy07)
        ("(Cập nhật: 2/13/2017 11:25:42 AM)", "2017-02-13", "(Cập nhật: 2/13/2017 11:25:42 AM)"),  # in brackets (am12)
        ("14 05 2017\n\nin trang", "2017-05-14", "14 05 2017"),  # figures spaced, alone (dx06)
        # spaces about the slashes after "Ngày" (dh01, rq05)
        ("Nhập ngày: Thứ 5, Ngày 26 / 01 / 2023", "2023-01-26", "Nhập ngày: Thứ 5, Ngày 26 / 01 / 2023"),
        ("Thứ 5, Ngày 14 / 10 / 2021", "2021-10-14", "Thứ 5, Ngày 14 / 10 / 2021"),
        # a page's metadata gives way to the stamp it shows (za01); alone, it is the date (p1848)
        ("2023-06-04T00:21:38-04:00\nThứ sáu - 02/06/2023 05:36", "2023-06-02", "Thứ sáu - 02/06/2023 05:36"),
        ("2025-02-01T19:45:06+07:00\nVăn Vương", "2025-02-01", "2025-02-01T19:45:06+07:00"),
        # a weekday and a month in words with no clock is the site's bar of today, not the page's (sg06, uc12)
        ("Thứ hai, 20 Tháng 8 2018", None, None),
        # a title closing on an anniversary's two days leaves the stamp above it the page's date (vr07)
        (
            "17/11/2023\nTỌA ĐÀM KỶ NIỆM 93 NĂM NGÀY TRUYỀN THỐNG MẶT TRẬN (18/11/1930-18/11/2023)",
            "2023-11-17",
            "17/11/2023",
        ),
    ],
)
def test_a_pages_stamp_in_the_forms_sites_print_it(header, published, quote):
    draft = draft_of(f"Hội CCB xã Đại Phong tổng kết phong trào thi đua\n{header}\n{LEAD}")
    assert (draft.source.published, draft.source.published_quote) == (published, quote)


@pytest.mark.parametrize(
    "text",
    [
        # the lead calls another day today (ua05, zd05: Báo Lạng Sơn's bar shows the day the page was read)
        "Thứ bảy, 20/04/2019\n\nMở đầu ngày hội Đại đoàn kết ở khu dân cư\n\nLSO-Hôm nay (3/11), thôn Quảng Trung I, "
        "xã Quảng Lạc tưng bừng tổ chức ngày hội Đại đoàn kết toàn dân tộc năm 2018.\n",
        # an older year opens the lead after the outlet's mark (vd05)
        "Thứ bảy,  19/06/2021\n\nMTTQ thành phố bàn giao nhà đại đoàn kết\n\nLSO-Ngày 10/1/2014, Ủy ban Mặt trận Tổ "
        "quốc thành phố Lạng Sơn tổ chức lễ bàn giao nhà đại đoàn kết cho 2 hộ gia đình.\n",
        # the bar under the site's name, not on the first line (vl08)
        "TRANG THÔNG TIN ĐIỆN TỬ\nPHƯỜNG 4\n\nThứ tư, 27/11/2024\n\nPhường 4 họp mặt kỷ niệm ngày thành lập Hội\n\n"
        "Chiều ngày 19/10/2022, Hội Liên hiệp Phụ nữ Phường 4 tổ chức họp mặt kỷ niệm 92 năm ngày thành lập Hội.\n",
    ],
)
def test_a_sites_bar_of_today_is_not_the_pages_date(text):
    assert draft_of(text).source.published is None


@pytest.mark.parametrize(
    ("head", "published", "quote"),
    [
        # a PDF lays a report's heading out line by line, its two cells side by side
        ("BAN DÂN VẬN Bắc Kạn, ngày 15 tháng 12 năm 2023", "2023-12-15", "Bắc Kạn, ngày 15 tháng 12 năm 2023"),
        ("Số 45-BC/BDVTU Bắc Kạn, ngày 15 tháng 12 năm 2023", "2023-12-15", "Bắc Kạn, ngày 15 tháng 12 năm 2023"),
        # the heading's cell too narrow for its date: the year wraps to the next line, beside the other cell's text
        ("BAN DÂN VẬN Bắc Kạn, ngày 15 tháng 12\n* năm 2023", "2023-12-15", "Bắc Kạn, ngày 15 tháng 12 năm 2023"),
        ("TỈNH ỦY LẠNG SƠN ĐẢNG CỘNG SẢN VIỆT NAM TP. Lạng Sơn, ngày 3 tháng 5 năm 2024", "2024-05-03", None),
        # a sentence's gathering in a place on a day is no report's date; nor is a document's date on a short line
        ("Hội nghị do Ban Dân vận tổ chức tại Hà Nội, ngày 5 tháng 6 năm 2022", None, None),
        ("Thực hiện Nghị quyết số 25-NQ/TW ngày 03/6/2013 của Ban", None, None),
    ],
)
def test_a_reports_place_and_date_beside_its_issuer(head, published, quote):
    draft = draft_of(f"{head}\n\nBÁO CÁO\n\nKết quả công tác dân vận năm 2023\n\n{LEAD}")
    assert draft.source.published == published
    assert draft.source.published_quote == (quote or (head[head.index("TP.") :] if published else None))


def test_policy_and_law_pháp_luật_is_no_laws_name_however_far_back_it_begins():
    """Fresh tuning text qs06: "chính sách, pháp luật của Nhà nước về công tác đối ngoại năm 2025" names the year of
    the work; the check for a law's year ("Luật Hòa giải ở cơ sở năm 2013") looked only 40 characters back and took the
    "luật" of "pháp luật" cut off at the window's edge for a law."""
    sentence = (
        "Sáng 28-5, Ủy ban MTTQ tỉnh tổ chức hội nghị tuyên truyền các chủ trương của Đảng, chính sách, pháp luật của "
        "Nhà nước về công tác đối ngoại năm 2025."
    )
    assert years_spoken_of(sentence) == [2025]
    assert years_spoken_of("Hội nghị tuyên truyền Luật Hòa giải ở cơ sở năm 2013") == []
    assert event_keys(draft_of(sentence + "\n")) == {"2025-05-28"}


def test_a_peoples_new_year_or_a_round_named_with_its_year_gives_the_year():
    assert years_spoken_of("nhân dịp Tết Chôl Chnăm Thmây 2020 và Tết cổ truyền Bunpimay 2023") == [2020, 2023]
    # a round numbered within its year (aw12)
    text = "Sáng ngày 03/6, Hội Chữ thập đỏ thành phố tổ chức ngày hội hiến máu tình nguyện đợt 4-2024.\n"
    assert event_keys(draft_of(text)) == {"2024-06-03"}
    # a gathering numbered with its year, told in a later sentence (fresh tuning text h909)
    assert years_spoken_of("Đại hội Thể dục Thể thao tỉnh Thái Bình lần thứ VIII/2018") == [2018]
    assert years_spoken_of('Đại hội "Cháu ngoan Bác Hồ" lần thứ XII - 2010') == [2010]
    text = (
        "Sáng 15-9, tại Sân vận động tỉnh, Công đoàn các khu công nghiệp tỉnh khai mạc giải bóng đá công nhân lao động."
        "\nGiải chào mừng Đại hội Thể dục Thể thao tỉnh Thái Bình lần thứ VIII/2018.\n"
    )
    assert event_keys(draft_of(text)) == {"2018-09-15"}
    # the solar year beside the Buddhist one (tuning as09)
    text = (
        "Sáng nay 14/5, Ban Dân vận Tỉnh ủy Quảng Nam đến thăm các cơ sở tôn giáo, chức sắc Phật giáo trên địa bàn "
        "tỉnh nhân Đại lễ Phật đản Phật lịch 2568 - Dương lịch 2024.\n"
    )
    assert event_keys(draft_of(text)) == {"2024-05-14"}


def test_a_programme_named_with_its_year_after_the_quotes_gives_the_year():
    """A page with no date: "Chiều 24/1, đoàn công tác của Huyện ủy … thăm, tặng quà", then "Cũng trong chiều 24/1,
    Liên đoàn Lao động huyện … chương trình “Tết sum vầy” 2019": the programme's name carries its year (fresh tuning
    text ho08)."""
    assert years_spoken_of("chương trình “Tết sum vầy” 2019 cho công nhân") == [2019]
    assert years_spoken_of("chương trình “Tết sum vầy”, 2019 người") == []
    text = (
        "Chiều 24/1, đoàn công tác của Huyện ủy Gia Lâm đã đến thăm, tặng quà, chúc Tết Mẹ Việt Nam Anh hùng.\n"
        "Cũng trong chiều 24/1, Liên đoàn Lao động huyện Gia Lâm đã tổ chức thành công chương trình “Tết sum vầy” "
        "2019.\n"
    )
    assert event_keys(draft_of(text)) == {"2019-01-24"}


def test_a_span_of_years_is_not_its_first_year():
    """ "trong 5 năm 2012 – 2017" is a span, as "giai đoạn 2012 – 2017" is: a congress of the term 2018 – 2023 held
    "Ngày 15/3" that reviews it is in 2018, not in 2013 after a "tổng kết năm 2012" (fresh tuning text tv05)."""
    assert years_spoken_of("tổng kết phong trào nông dân trong 5 năm 2012 – 2017") == []
    assert years_spoken_of("năm 2023 và năm 2024") == [2023, 2024]
    visit = draft_of(
        "Ngày 15/3, Hội nông dân xã Long Phước vừa tiến hành Đại hội Đại biểu nhiệm kỳ 2018 – 2023; tổng kết công tác "
        "hội và phong trào nông dân trong 5 năm 2012 – 2017; đề ra phương hướng nhiệm vụ cho nhiệm kỳ 2018 – 2023.\n"
    ).visits[0]
    assert visit.date_start == "2018-03-15"


def test_a_year_counted_from_to_the_present_is_not_the_texts_year():
    """H4: an open span gives no year (p342); a baseline "năm 2002, nay" neither (round 40's p1411). The present
    year's own start does ("Từ đầu năm 2022 đến nay", p74); an undated gathering's check still sees the year."""
    assert years_spoken_of("Từ năm 2021 đến nay, Ban Đại diện Hội bám sát nhiệm vụ") == []
    assert years_spoken_of("79 hộ nghèo năm 2002, nay giảm còn 3 hộ; năm 2017 có 12 hộ") == [2017]
    assert years_spoken_of("Từ đầu năm 2022 đến nay, Mặt trận đã vận động") == [2022]
    assert years_spoken_of("Từ năm 2021 đến nay, hàng trăm tọa đàm", since=True) == [2021]
    # "từ năm 2015" alone opens a span to the present too (p714); a span with its end names both years
    assert years_spoken_of("6 cây cầu do Tỉnh đoàn triển khai thực hiện từ năm 2015.") == []
    assert years_spoken_of("từ năm 2019 đến năm 2020, Hội vận động") == [2019, 2020]
    # … with its end written without "năm" too (fresh tuning text ro02: the text's days are of 2016, not 2014)
    assert years_spoken_of("Chỉ tính từ năm 2014 đến 2016, tỉnh ban hành hơn 20 văn bản") == [2014, 2016]
    span = (
        "Trong hai ngày 17 và 18-11, Ban Dân vận Trung ương kiểm tra về thực hiện quy chế dân chủ ở cơ sở tại tỉnh "
        "Ninh Bình.\nChỉ tính từ năm 2014 đến 2016, tỉnh Ninh Bình ban hành hơn 20 văn bản liên quan.\n"
    )
    assert [(v.date_start, v.date_end) for v in draft_of(span).visits] == [("2016-11-17", "2016-11-18")]
    text = (
        "Hội nghị sơ, tổng kết các chỉ thị, nghị quyết trên được Thành ủy Huế tổ chức sáng 10/8.\n"
        "Từ 2.475 hội viên, đến nay đã tăng lên 4.423 hội viên; 79 hộ nghèo năm 2002, nay giảm còn 3 hộ.\n"
    )
    assert [v.date_start for v in draft_of(text).visits] == [None]


@pytest.mark.parametrize(
    ("text", "day", "body"),
    [
        # leaders attend a festival day: the gathering is drafted, its organiser left to the curator
        (
            "Sáng 3/11/2024, đồng chí Ngô Đông Hải, Bí thư Tỉnh ủy đã tới dự và chúc mừng ngày hội đại đoàn kết "
            "toàn dân tộc tại thôn Thái Hòa 1, xã Đông Hoàng.",
            "2024-11-03",
            None,
        ),
        # a ward's party committee holds a gathering
        (
            "Sáng ngày 20/10/2023, Đảng ủy phường tổ chức Họp mặt kỷ niệm truyền thống các ngành xây dựng Đảng.",
            "2023-10-20",
            "Đảng ủy phường",
        ),
    ],
)
def test_festival_days_and_ward_committees(text, day, body):
    (visit,) = draft_of(text + "\n").visits
    assert (visit.date_start, visit.body) == (day, body)


def test_visits_with_gifts_on_an_undated_page_take_the_pages_date():
    text = (
        "Đồng bào Khmer đón Tết vui tươi\n\n17/04/2019 - 08:40\n\n"
        "Tỉnh ủy, HĐND, UBND tỉnh Sóc Trăng và các đoàn thể đã tổ chức hơn 20 đoàn đến các địa phương và hơn 90 chùa "
        "tổ chức họp mặt, thăm, tặng quà, trao nhà tình nghĩa.\n"
    )
    (visit,) = draft_of(text).visits
    assert (visit.date_start, visit.body) == ("2019-04-17", "Tỉnh ủy")


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # a range after "từ" is its two bounds, the unit and noun written after the second
        ("Hàng năm có từ 95 - 98% gia đình đạt danh hiệu “Gia đình văn hóa”.", [(95, "percent"), (98, "percent")]),
        ("Mỗi tổ đến thăm từ 3 – 7 hộ gia đình.", [(3, "count"), (7, "count")]),
        ("Mỗi đợt kéo dài từ 3 - 5 ngày.", []),  # a span of time
        # money written in words; a number word alone counts nothing
        ("Các đoàn đã tặng quà với tổng trị giá hơn hai tỷ đồng.", [(2_000_000_000, "vnd")]),
        ("Ban Thường vụ ban hành hai quyết định.", []),
        ("Báo cáo kết quả giai đoạn 1 triển khai đợt thi đua.", []),  # a phase, not a count
    ],
)
def test_ranges_money_in_words_and_phases(sentence, expected):
    assert [(o.value, o.unit) for o in draft_of(sentence + "\n").observations] == expected


def test_a_scraped_date_header_is_the_publication_date_and_no_quote_starts_with_it():
    draft = draft_of(" date 2023-12 Sáng 13/12, Ban Dân vận Huyện ủy tổ chức hội nghị tổng kết công tác dân vận.\n")
    (visit,) = draft.visits
    assert (draft.source.published, visit.date_start) == ("2023-12", "2023-12-13")
    assert visit.quote.startswith("Sáng 13/12, Ban Dân vận Huyện ủy")
    assert visit.date_note == "Ngày ghi “13/12”, năm lấy theo ngày đăng 12/2023."  # dates in notes read dd/mm/yyyy


def test_the_day_figures_are_counted_to_is_no_event():
    text = (
        "Ngày 9/1/2026, Ban vận động Quỹ “Vì người nghèo” tỉnh Thanh Hóa tổng kết công tác vận động. Theo báo cáo tại "
        "hội nghị, tính đến ngày 31/12/2025, Quỹ “Vì người nghèo” các cấp đã vận động được gần 13,5 tỷ đồng.\n"
    )
    assert [v.date_start for v in draft_of(text).visits] == ["2026-01-09"]
    assert 13_500_000_000 in values(draft_of(text))
    # the start of a month counted to, after a dateline's dash or a comma (tuning jl09, rd01)
    early = (
        "(GLO)- Đến đầu tháng 5-2023, có 1.663 Công đoàn cơ sở tại 17 huyện đã tiến hành xong đại hội nhiệm kỳ "
        "2023-2028, đạt 100%.\n"
    )
    assert draft_of(early).visits == []
    week = "Theo Ủy ban MTTQ tỉnh, đến tuần đầu tháng 4/2019, đã hoàn thành đại hội cấp xã.\n"
    assert draft_of(week).visits == []


def test_a_day_counted_to_inside_a_clause_is_no_event_but_a_day_put_off_to_is():
    """yw08, zo01: "qua kiểm tra … xã, thị trấn đến ngày 19/6/2019 toàn huyện thực hiện đạt…", "giải ngân đến
    30/9/2025, số tiền hơn 22.7 tỷ đồng": a day figures are counted to, though no comma opens the clause."""
    checked = (
        "Hội Nông dân huyện qua kiểm tra 8/9 Ban Chấp hành Hội Nông dân xã, thị trấn đến ngày 19/6/2019 toàn huyện "
        "thực hiện đạt trên 60% chỉ tiêu giao năm 2019.\n"
    )
    assert draft_of(checked).visits == []
    lent = "Hội Nông dân xã phối hợp với ngân hàng giải ngân đến 30/9/2025, số tiền hơn 22 tỷ đồng cho 343 hộ vay.\n"
    assert all(v.date_start != "2025-09-30" for v in draft_of(lent).visits)
    moved = "Hội nghị tổng kết công tác Mặt trận của huyện được lùi đến ngày 20/12/2024 tại hội trường UBND huyện.\n"
    assert [v.date_start for v in draft_of(moved).visits] == ["2024-12-20"]


def test_breakdowns_with_a_noun_after_each_part_and_counts_after_a_slash():
    text = (
        "Toàn tỉnh có dân số 36.822 hộ/163.866 nhân khẩu. Người có uy tín năm 2020 là 124 người (trong đó dân tộc "
        "Raglai 84 người; dân tộc Chăm 35 người; dân tộc K’Ho 02 người và dân tộc Nùng 02 người).\n"
    )
    parts = [(o.value, o.breakdown) for o in draft_of(text).observations]
    assert parts == [
        (36822, None),
        (163866, None),
        (124, None),
        (84, "dân tộc Raglai"),
        (35, "dân tộc Chăm"),
        (2, "dân tộc K’Ho"),
        (2, "dân tộc Nùng"),
    ]
    assert values(draft_of("Cán bộ chiến sỹ Đại đội 105 cùng 20 đoàn viên ra quân.\n")) == [20]


@pytest.mark.parametrize(
    ("address", "province"),
    [
        ("https://baolamdong.vn/chinhtri/202201/cong-tac-dan-van-3098762/", "68"),
        ("http://thuongtin.hanoi.gov.vn/dang-doan-the/-/view_content/2870557", "01"),  # a district portal of Hà Nội
        ("http://xuyenmoc.baria-vungtau.gov.vn/tin-tong-hop", "77"),  # a hyphen inside the province
        ("https://chodon.gov.vn/giao-ban-khoi-mttq", "06"),  # a district no other province has: Bắc Kạn
        ("https://ninhson.tayninh.gov.vn/vi/news", "72"),  # the province's name wins over Ninh Thuận's Ninh Sơn
        ("http://hdndtuyenquang.gov.vn/tin-hoat-dong/trang-232.html", "08"),
        ("(Baothanhhoa.vn) - Trong 2 ngày 21, 22-3, Đại hội", "38"),  # a dateline in the text
        # an organisation's word before the place, a medium's after it (585 tuning pages' addresses named no province)
        ("https://hoinongdan-quangtri.org.vn/tin", "45"),
        ("https://tuoitrebinhdinh.vn/tin", "52"),
        ("https://baophunuthudo.vn/tin", "01"),
        ("https://huengaynay.vn/chinh-tri", "46"),
        ("https://tuoitregiongrieng.com/tin", "91"),  # a district's youth union: Giồng Riềng of Kiên Giang
        ("https://huyendoanthoxuan.vn/tin", "38"),
        ("https://hoianrt.vn/tin", "49"),
        # outlets not named after their province
        ("https://www.sggp.org.vn/mat-tran", "79"),
        ("https://baoapbac.vn/chinh-tri", "82"),
        ("https://baodongkhoi.vn/tin", "83"),
        ("https://thvl.vn/tin", "86"),
        ("https://qrt.vn/chinh-tri/tin", "49"),
        ("https://hoinongdanag.org.vn/tin", "89"),
        ("http://mattran.org.vn/giam-sat-phan-bien-xa-hoi/thai-binh", None),  # national outlets name none
        ("https://laodong.vn/thoi-su/tin", None),
        ("https://tuoitre.vn/tin", None),
        ("https://www.qdnd.vn/chinh-tri", None),
        ("https://nhandan.vn/tin-tuc-su-kien/trien-khai", None),
    ],
)
def test_the_outlets_web_address_names_its_province(registry, address, province):
    found = outlet_from_web(address, registry)
    assert (found[0] if found else None) == province


def test_the_pages_url_gives_the_outlets_province_and_says_so(registry, tmp_path):
    text = "Sáng 5/6/2024, Ban Dân vận Huyện ủy tổ chức hội nghị sơ kết công tác dân vận.\n"
    draft = draft_of(text, registry, url="https://baolamdong.vn/chinhtri/x.html")
    assert draft.source.province == "68"
    assert draft.source.province_note == (
        "Bài không nêu tên tỉnh: lấy theo nơi đăng bài (suy ra từ địa chỉ trang “baolamdong.vn”)."
    )
    assert draft.visits[0].province == "68" and "baolamdong.vn" in draft.visits[0].province_note
    given = draft_of(text, registry, province="Bắc Kạn", url="https://baolamdong.vn/x.html")
    assert given.source.province == "06"  # the curator's --province comes first
    path = tmp_path / "bai.txt"
    path.write_text(text, encoding="utf-8")
    result = cli(str(path), "--url", "https://chodon.gov.vn/tin-tuc/x")
    assert result.returncode == 0, result.stderr
    assert yaml.safe_load(result.stdout)["visits"][0]["province"] == "06"


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Tỉnh có diện tích tự nhiên 2.358km2, có 65km bờ biển.", [(2358, None), (65, None)]),
        ("Số người làm việc tại 26/30 Hội quần chúng ở Trung ương có 568 người.", [(26, 30), (568, None)]),
        ("Thời gian giám sát từ tháng 01/2021 - 6/2022.", []),  # a month and its year, no fraction
        ("Đã kết thúc hoạt động của Ủy ban MTTQ Việt Nam 52 tỉnh, thành phố.", [(52, None)]),
        (
            "Hội viên có thu nhập ổn định từ 3,5 đến 4,5 triệu đồng/lao động/tháng.",
            [(3_500_000, None), (4_500_000, None)],
        ),
        (
            "Toàn tỉnh có 3.303 vị sư (Hòa thượng 22, Thượng tọa 57, Tỳ kheo 1.592, Sadi 1.632).",
            [(3303, None), (22, None), (57, None), (1592, None), (1632, None)],
        ),
    ],
)
def test_round_five_figures(sentence, expected):
    assert [(o.value, o.denominator) for o in draft_of(sentence + "\n").observations] == expected


def test_an_issuer_belongs_to_the_document_it_follows_and_lists_share_theirs():
    text = (
        "Tỉnh ủy đã quan tâm lãnh đạo, cụ thể là thực hiện Kế hoạch số 70 của Ban Dân vận Trung ương, đồng thời ban "
        "hành Kế hoạch số 92 về việc tổ chức “Năm dân vận chính quyền”. Đồng thời, đưa nội dung vào chương trình công "
        "tác của Tỉnh ủy, điển hình như Chương trình hành động số 144 và 190 và Chương trình hành động số 163 về thực "
        "hiện Kết luận số 43 của Ban Bí thư."
    )
    assert codes(text) == ["70-KH/BDVTW", "92-KH/TU", "144-CTr/TU", "190-CTr/TU", "163-CTr/TU", "43-KL/TW"]
    plenum = (
        "Quán triệt Nghị quyết Trung ương 4 khóa XII và Chỉ thị số 05-CT/TW của Bộ Chính trị, góp phần vào công "
        "tác xây dựng, chỉnh đốn Đảng."
    )
    assert codes(plenum) == ["04-NQ/TW", "05-CT/TW"]


def test_a_coming_date_stays_in_the_pages_year_and_a_coming_month_is_a_planned_event():
    text = (
        "10/10/2019\n\nNgày 10-10, Ban Vận động quỹ “Vì người nghèo” tỉnh tổ chức cuộc họp. Tháng cao điểm “Vì người "
        "nghèo” năm 2019 sẽ diễn ra từ 17-10 đến 18-11 do Ban Vận động quỹ “Vì người nghèo” tỉnh phát động.\n"
    )
    spans = [(v.date_start, v.date_end) for v in draft_of(text).visits]
    assert spans == [("2019-10-10", None), ("2019-10-17", "2019-11-18")]
    planned = (
        "14/01/2026\n\nSáng 14/1, Ủy ban Trung ương MTTQ Việt Nam tổ chức Hội nghị Đoàn Chủ tịch. Đại hội MTTQ Việt "
        "Nam lần thứ XI do Ủy ban Trung ương MTTQ Việt Nam tổ chức dự kiến diễn ra trong tháng 5/2026.\n"
    )
    assert [(v.date_start, v.date_precision) for v in draft_of(planned).visits] == [
        ("2026-01-14", "day"),
        ("2026-05-01", "month"),
    ]


def test_label_agreement_scores_a_second_curator_like_the_extractor(tmp_path):
    """scripts/label_agreement.py: a second labelling that drops one number and adds another scores P and R 0,5."""
    first = {
        "split": {"tuning": [], "held_out": ["a"]},
        "texts": [
            {
                "id": "a",
                "file": "a.txt",
                "published": None,
                "events": [],
                "provinces": ["20"],
                "bodies": [],
                "documents": ["25-NQ/TW"],
                "numbers": [{"value": 12}, {"value": 7}],
            }
        ],
    }
    second = {**first, "texts": [{**first["texts"][0], "numbers": [{"value": 12}, {"value": 8}]}]}
    paths = []
    for name, labels in (("first", first), ("second", second)):
        paths.append(tmp_path / f"{name}.yaml")
        paths[-1].write_text(yaml.safe_dump(labels, allow_unicode=True), encoding="utf-8")
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "label_agreement.py"), *map(str, paths)],
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    rows = {line.split()[0]: line.split()[1:3] for line in result.stdout.splitlines()[2:]}
    assert result.stdout.startswith("1 texts labelled in both")
    assert rows["numbers"] == ["0.50", "0.50"] and rows["documents"] == ["1.00", "1.00"]
    # the other curator's labels split over two files, read through a glob, and only the fields asked for
    half = {**second, "texts": [{"id": "b", "file": "b.txt", "published": None, "events": ["2024-05-02"]}]}
    (tmp_path / "second_b.yaml").write_text(yaml.safe_dump(half, allow_unicode=True), encoding="utf-8")
    first["texts"].append({**first["texts"][0], "id": "b", "events": ["2024-05-02", "2024-05-03"]})
    paths[0].write_text(yaml.safe_dump(first, allow_unicode=True), encoding="utf-8")
    result = subprocess.run(
        [
            sys.executable,
            str(ROOT / "scripts" / "label_agreement.py"),
            str(paths[0]),
            str(tmp_path / "second*.yaml"),
            "--fields",
            "event_dates",
        ],
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    rows = {line.split()[0]: line.split()[1:3] for line in result.stdout.splitlines()[2:]}
    assert result.stdout.startswith("2 texts labelled in both") and rows == {"event_dates": ["1.00", "0.50"]}


def test_the_article_names_its_province_without_events_and_a_gathering_is_where_it_is_held(registry):
    about = draft_of("Thực hành dân chủ ở cơ sở trên địa bàn tỉnh Bắc Giang luôn được cấp ủy quan tâm.\n", registry)
    assert (about.visits, about.observations) == ([], [])
    assert about.source.province == "24" and "tỉnh Bắc Giang" in about.source.province_note
    visit = draft_of(
        "Ngày 24/11/2020, Đoàn kiểm tra do Phó Chủ tịch Ủy ban MTTQ Việt Nam tỉnh Sóc Trăng làm Trưởng đoàn đã có buổi "
        "làm việc tại tỉnh Bạc Liêu. Đoàn gồm đại diện Ủy ban MTTQ Việt Nam tỉnh Sóc Trăng và tỉnh Cà Mau.\n",
        registry,
    ).visits[0]
    assert visit.province == "95"  # Bạc Liêu, where the team worked; not Sóc Trăng, where it came from
    # the people a team came to help are the host's (round 41's p1434)
    gifts = draft_of(
        "Chiều 16/9/2024, Đoàn công tác của tỉnh Bình Dương do Chủ tịch Ủy ban MTTQ Việt Nam tỉnh làm Trưởng đoàn đã "
        "tới trao quà hỗ trợ người dân tỉnh Lào Cai khắc phục hậu quả thiên tai.\n",
        registry,
    )
    assert [v.province for v in gifts.visits] == ["10"]
    # … and the province a team came to (round 47's p1628)
    came = draft_of(
        "Ngày 20-10-2024, Đoàn công tác của tỉnh Vĩnh Long do Chủ tịch Ủy ban MTTQ Việt Nam tỉnh Vĩnh Long làm trưởng "
        "đoàn đã đến tỉnh Thái Nguyên để chia sẻ, động viên nhân dân khắc phục hậu quả bão.\n",
        registry,
    )
    assert [v.province for v in came.visits] == ["19"]


def test_a_bare_document_the_catalog_knows_is_completed_and_a_duration_is_no_number():
    known = ["25-NQ/TW", "05-CT/TW", "605-QĐ/HU", "16/CT-TTg"]
    text = "Đẩy mạnh thực hiện Nghị quyết Trung ương 4, Chỉ thị 05 và Chỉ thị 16 về phòng dịch; Quyết định 605."
    assert [h.code for h in find_documents(text, known)] == ["05-CT/TW", "16/CT-TTg"]  # 605 is no central document
    assert find_documents(text) == []  # nothing known, nothing made up
    duration = "sau 15 năm thực hiện Nghị quyết số 24 và 25 năm thực hiện Chỉ thị số 45"
    assert find_documents(duration, known) == []  # "25 năm" is 25 years, not Nghị quyết 25


def test_a_bare_central_document_is_known_by_the_subject_its_sentence_names():
    """p22 and p1411: "Nghị quyết số 24" in a sentence on ethnic minorities is 24-NQ/TW, "Nghị quyết 09 về … công
    tác CCB" 09-NQ/TW; a number without such a subject, or with its issuer named, is not a central document."""
    text = (
        "sau 15 năm thực hiện Nghị quyết số 24 và 25 năm thực hiện Chỉ thị số 45 có thể thấy tình hình kinh tế, "
        "xã hội vùng đồng bào dân tộc thiểu số, nhất là đồng bào Mông, có nhiều đổi thay."
    )
    assert [h.code for h in find_documents(text)] == ["24-NQ/TW", "45-CT/TW"]
    text = (
        "sau 15 năm thực hiện Nghị quyết 09 về “Tăng cường sự lãnh đạo của Đảng đối với công tác CCB Việt Nam”; "
        "Nghị quyết 11 (khóa X) về “Công tác phụ nữ thời kỳ đẩy mạnh CNH – HĐH đất nước”."
    )
    assert [h.code for h in find_documents(text)] == ["09-NQ/TW", "11-NQ/TW"]
    text = "sơ kết công tác khuyến học 6 tháng đầu năm 2024, sơ kết 5 năm thực hiện kết luận 49 về tiếp tục thực hiện"
    assert [h.code for h in find_documents(text)] == ["49-KL/TW"]  # tuning ng09
    assert [h.code for h in find_documents("Nghị quyết số 24 của Tỉnh ủy về công tác dân tộc")] == ["24-NQ/TU"]
    assert find_documents("Nghị quyết số 24 về phát triển du lịch. Đồng bào dân tộc thiểu số") == []
    assert find_documents("Nghị quyết 11 về xây dựng nông thôn mới") == []


def test_the_documents_a_central_plenums_list_names_by_number_are_the_centres():
    """Fresh text ke04: "các Nghị quyết Trung ương 8 (khóa XII): Nghị quyết số 36 …; Quy định số 08 …; Kết luận số
    37 …". A rule by bare number is left (the Centre writes them QĐ and QĐi); outside a list, a bare number is none."""
    text = (
        "Hội nghị quán triệt các Nghị quyết Trung ương 8 (khóa XII): Nghị quyết số 36 về Chiến lược phát triển bền "
        "vững kinh tế biển; Quy định số 08 về trách nhiệm nêu gương; Kết luận số 37 về kinh tế - xã hội.\n"
        "Huyện triển khai Nghị quyết số 12 về phát triển du lịch.\n"
    )
    assert codes(text) == ["36-NQ/TW", "37-KL/TW"]
    assert codes("Quán triệt Nghị quyết Trung ương 8 (khóa XII) và Nghị quyết số 36 về kinh tế biển.") == []


def test_the_ninth_terms_seventh_plenum_on_unity_is_23_written_with_or_without_dai():
    """Fresh text kf06: "Nghị quyết Trung ương 7 (khóa IX) về “Phát huy sức mạnh đoàn kết toàn dân tộc …”"."""
    for unity in ("đoàn kết", "đại đoàn kết"):
        text = f"Các đoàn thể thực hiện Nghị quyết Trung ương 7 (khóa IX) về “Phát huy sức mạnh {unity} toàn dân tộc”."
        assert codes(text) == ["23-NQ/TW"]


def test_a_bare_number_beside_a_central_code_of_its_kind_is_the_centres():
    """From the documents battery: "Quy định số 262", which Quy định số 96-QĐ/TW succeeds in the same sentence, is
    262-QĐ/TW; not when it stands in another sentence, names its own issuer, or is of another kind."""
    text = (
        "Quy định số 96-QĐ/TW, ngày 02/02/2023 của Bộ Chính trị về việc lấy phiếu tín nhiệm đã kế thừa các nội dung "
        "còn phù hợp của Quy định số 262, đồng thời sửa đổi, bổ sung một số nội dung."
    )
    assert [h.code for h in find_documents(text)] == ["96-QĐ/TW", "262-QĐ/TW"]
    assert [h.code for h in find_documents("Quy định số 96-QĐ/TW đã ban hành. Quy định số 262 vẫn còn")] == ["96-QĐ/TW"]
    text = "Thực hiện Quy định số 96-QĐ/TW và Quy định số 12 của Tỉnh ủy về lấy phiếu tín nhiệm"
    assert [h.code for h in find_documents(text)] == ["96-QĐ/TW", "12-QĐ/TU"]
    assert [h.code for h in find_documents("Kết luận số 12-KL/TW và Quyết định số 22 về hỗ trợ")] == ["12-KL/TW"]


def test_a_central_code_typed_in_lower_case_with_a_space_for_its_slash():
    """Tuning ur07 and the documents battery: "quán triệt … kết luận 32/kl TW" is 32-KL/TW, its kind as written;
    another issuer or kind in lower case is no code."""
    hits = find_documents("đoàn xã tổ chức giải Cầu Lông hè 2018, quán triệt kết luận 32/kl TW, tham dự có đồng chí")
    assert [(h.code, h.kind) for h in hits] == [("32-KL/TW", "kết luận")]
    assert find_documents("Kế hoạch số 12/kh TU và 12/nq tỉnh") == []


def test_the_prime_ministers_code_typed_in_capitals_is_the_same_code():
    """Fresh text lh11 writes "Quyết định số 12/2018/QĐ-TTg" and, later, "12/2018/QĐ-TTG": one code."""
    assert codes("theo Quyết định số 12/2018/QĐ-TTg và Quyết định số 12/2018/QĐ-TTG ngày 6/3/2018") == [
        "12/2018/QĐ-TTg",
        "12/2018/QĐ-TTg",
    ]


def test_a_central_documents_number_written_with_the_politburo_for_its_issuer():
    """Tuning tv13: "vận động học tập Chỉ thị 08/BCT “Đẩy mạnh học tập …”" is the Politburo's 08-CT/TW; a number with
    no kind before it is no code."""
    hits = find_documents("đẩy mạnh phong trào, vận động học tập Chỉ thị 08/BCT “Đẩy mạnh học tập làm theo tư tưởng”")
    assert [(h.code, h.kind) for h in hits] == [("08-CT/TW", "Chỉ thị")]
    assert [h.code for h in find_documents("thực hiện Kết luận số 01/BBT của Ban Bí thư")] == ["01-KL/TW"]
    assert find_documents("đã có 08/BCT tham gia") == []


def test_a_decision_abbreviated_qd_with_its_issuer_named():
    """ "QĐ 217, 218 của Bộ Chính trị", as "NQ 28 của Ban Thường vụ Thành ủy" is read; a bare "QĐ 12" is no code."""
    text = "thực hiện QĐ 217, 218 của Bộ Chính trị về giám sát và phản biện xã hội"
    assert [h.code for h in find_documents(text)] == ["217-QĐ/TW", "218-QĐ/TW"]
    assert find_documents("theo QĐ 12 ngày 5/5") == []


def test_a_count_named_twice_and_a_gatherings_second_day():
    assert values(draft_of("Tỉnh hiện có 1.082 khu dân cư tương ứng với 1.082 thôn, bản, khu phố.\n")) == [1082]
    assert values(draft_of("Hỗ trợ 1.840 ngôi nhà theo Chương trình 167 giai đoạn II.\n")) == [1840]
    text = (
        "23/8/2024Trong 02 ngày (22 và 23/8), Ủy ban MTTQ Việt Nam tỉnh Gia Lai tổ chức Đại hội đại biểu MTTQ tỉnh "
        "lần thứ XI.\n\nSáng nay (23/8), tại Hội trường 2/9, Ủy ban MTTQ Việt Nam tỉnh Gia Lai tiến hành Phiên "
        "làm việc thứ hai của Đại hội.\n"
    )
    draft = draft_of(text)
    assert draft.source.published == "2024-08-23"  # the date stamp glued to the lead's first word
    # the second day's session is kept beside the congress's span
    assert [(v.date_start, v.date_end) for v in draft.visits] == [("2024-08-22", "2024-08-23"), ("2024-08-23", None)]


def test_deadlines_and_a_page_stamped_a_day_early():
    text = "Đến nay có 14/241 đơn vị cấp xã đã hoàn thành đại hội và phấn đấu hoàn thành trước ngày 30/4/2024.\n"
    assert draft_of(text).visits == []  # a deadline is no gathering
    # fresh text uh09: the thing to finish named between "hoàn thành" and "trước" in several words
    plan = (
        "Sốp Cộp - Sơn La: Hoàn thành Đại hội MTTQ cấp xã trước tháng 3/2019\n\nThứ sáu, 12/10/2018 08:00:02\n"
        "Theo kế hoạch, dự kiến cấp huyện sẽ hoàn thành việc tổ chức Đại hội trước ngày 22/5/2019.\n"
    )
    assert event_keys(draft_of(plan)) == set()
    # the day a round is to be done by (tuning ko01)
    done_by = (
        "Thứ Năm, 19/04/2018 08:00\nCấp huyện có 4/11 đơn vị đã tổ chức Đại hội xong cấp huyện, các đơn vị còn lại sẽ "
        "tổ chức đại hội xong vào ngày 24/04/2018.\n"
    )
    assert "2018-04-24" not in event_keys(draft_of(done_by))
    early = draft_of(
        "24/06/2020 10:15\n\nChiều 25/6, Ban Thường trực Ủy ban MTTQ Việt Nam tỉnh tổ chức Hội nghị sơ kết 6 tháng.\n"
    )
    assert [v.date_start for v in early.visits] == ["2020-06-25"]  # not 25/6/2019: the stamp is a day early
    issued = find_documents("Theo chỉ đạo của Ban Thường vụ Tỉnh ủy tại Chỉ thị số 40 ngày 13/7/2023 về đại hội")
    assert [(h.code, h.date) for h in issued] == [("40-CT/TU", "2023-07-13")]


def test_adjudicated_labels_are_the_first_labels_with_each_decision_applied():
    """labels_adjudicated.yaml is reproducible from what is committed: the first labels of sets 12-21 for the texts of
    the blind second labelling, every disputed field replaced by the decision recorded for it, and nothing else."""
    folder = ROOT / "tests" / "fixtures" / "ingest"
    first = {t["id"]: t for n in range(12, 22) for t in load_labels(folder / f"labels_heldout{n}.yaml")["texts"]}
    second = load_labels(folder / "labels_second_heldout.yaml")
    adjudicated = load_labels(folder / "labels_adjudicated.yaml")
    decisions = {d["id"]: d for d in yaml.safe_load((folder / "agreement_decisions.yaml").read_text())["decisions"]}
    ids = [t["id"] for t in second["texts"]]
    assert len(ids) == 195 and [t["id"] for t in adjudicated["texts"]] == ids
    assert sorted(adjudicated["split"]["held_out"]) == sorted(ids) and not adjudicated["split"]["tuning"]
    for text in adjudicated["texts"]:
        decided = {f: d["decided"] for f, d in decisions.get(text["id"], {}).items() if f not in ("id", "who")}
        assert text == {**first[text["id"]], **decided}, text["id"]
    # Every dispute is a real disagreement between the two labellings, and the first labels are one of its sides.
    for text_id, entry in decisions.items():
        assert entry["who"] in ("A=first,B=second", "A=second,B=first")
        for field, d in entry.items():
            if field not in ("id", "who", "published"):
                assert d["dispute"]["only_A"] or d["dispute"]["only_B"], (text_id, field)


def assert_decided(folder: Path, first: dict, second: dict, kind: str) -> None:
    """labels_adjudicated_{kind}.yaml holds the first labels of the second labelling's texts, each field disputed in
    {kind}_decisions.yaml replaced by its decision and nothing else; every dispute is a real disagreement of the two
    labellings, the first labels one of its sides."""
    ids = [t["id"] for t in second["texts"]]
    adjudicated = load_labels(folder / f"labels_adjudicated_{kind}.yaml")
    decisions = {d["id"]: d for d in yaml.safe_load((folder / f"{kind}_decisions.yaml").read_text())["decisions"]}
    assert [t["id"] for t in adjudicated["texts"]] == ids and adjudicated["split"] == {"tuning": [], "held_out": ids}
    for text in adjudicated["texts"]:
        decided = {f: d["decided"] for f, d in decisions.get(text["id"], {}).items() if f not in ("id", "who")}
        assert text == {**first[text["id"]], **decided}, text["id"]
    others = {t["id"]: t for t in second["texts"]}
    for text_id, entry in decisions.items():
        assert entry["who"] in ("A=first,B=second", "A=second,B=first")
        a, b = first[text_id], others[text_id]
        if entry["who"] == "A=second,B=first":
            a, b = b, a
        for field, decision in entry.items():
            if field == "published":
                assert decision["dispute"] == {"A": a["published"], "B": b["published"]}
            elif field not in ("id", "who"):
                dispute = decision["dispute"]
                assert sorted(dispute["both"] + dispute["only_A"]) == sorted(map(str, a[field]))
                assert sorted(dispute["both"] + dispute["only_B"]) == sorted(map(str, b[field]))
                assert dispute["only_A"] or dispute["only_B"]


def test_adjudicated_event_labels_are_the_first_labels_with_each_decision_applied():
    """labels_adjudicated_events.yaml is reproducible from what is committed: the 160 held-out texts drawn for the
    blind second labelling of dates (labels_second_events.yaml, its header gives the draw), their first labels, and
    every disputed field replaced by the decision recorded for it in events_decisions.yaml."""
    folder = ROOT / "tests" / "fixtures" / "ingest"
    first, pool = {}, []
    for n in range(2, 110):
        labels = load_labels(folder / f"labels_heldout{n}.yaml")
        held = set(labels["split"]["held_out"])
        first |= {t["id"]: t for t in labels["texts"]}
        pool += [t["id"] for t in labels["texts"] if t["id"] in held and not 12 <= n <= 21]
    second = load_labels(folder / "labels_second_events.yaml")
    ids = [t["id"] for t in second["texts"]]
    assert len(pool) == 1488 and ids == sorted(random.Random(20261202).sample(pool, 160), key=pool.index)
    assert_decided(folder, first, second, "events")


# What the blind second labelling of documents read: a kind of document followed within 60 characters by a digit or a
# term, an abbreviated kind before a number, or a code's "number-TYPE" shape (chosen from the texts alone).
MENTION = re.compile(
    r"(?:Nghị quyết|Nghị định|Kết luận|Quyết định|Quy định|Chỉ thị|Chị thị|Quy chế|Hướng dẫn|Công văn|Kế hoạch|"
    r"Thông báo|Đề án|Chương trình|Thông tri|Thông tư|Tờ trình|Báo cáo|Văn bản|Điều lệ|Nghị quyết liên tịch)"
    r"[^.\n]{0,60}?(?:\d|khóa\s+[IVXL]+)|\b(?:NQ|CT|KL|QĐ|KH|HD|CTr|NQLT|CTPH)\b[^.\n]{0,20}?\d|"
    r"\d+\s*[-/]\s*(?:NQ|CT|KL|QĐ|KH|HD|QC|CV|TB|ĐA|CTr|BC|TTr|NĐ|TT|QĐ|HĐ)",
    re.I,
)


def test_adjudicated_document_labels_are_the_first_labels_with_each_decision_applied():
    """labels_adjudicated_documents.yaml is reproducible from what is committed: the held-out texts outside sets 12-21
    that mention a document (MENTION, read from the texts alone), their first labels, and each disputed list of codes
    replaced by the decision recorded for it in documents_decisions.yaml."""
    folder = ROOT / "tests" / "fixtures" / "ingest"
    first, chosen = {}, []
    for n, name in [(0, "labels_fresh.yaml"), *((n, f"labels_heldout{n}.yaml") for n in range(2, 110))]:
        labels = load_labels(folder / name)
        held = set(labels["split"]["held_out"])
        first |= {t["id"]: t for t in labels["texts"] if t["id"] in held}
        chosen += [
            t["id"]
            for t in labels["texts"]
            if t["id"] in held
            and not 12 <= n <= 21
            and MENTION.search((folder / t["file"]).read_text(encoding="utf-8"))
        ]
    second = load_labels(folder / "labels_second_documents.yaml")
    ids = [t["id"] for t in second["texts"]]
    assert len(ids) == 379 and ids == chosen
    assert_decided(folder, first, second, "documents")


# --- round 18 (on-arrival misses of p663-p694) -------------------------------------------------------------------


def test_a_headline_count_restated_by_its_classifier_alone_is_reported_once():
    text = (
        " date 2025-12-04 Hoàn thành sớm mục tiêu xóa 12.520 căn nhà tạm, nhà dột nát\n\n"
        "Sáng 4.12, Đại hội đại biểu MTTQ Việt Nam tỉnh Gia Lai lần thứ 1 chính thức khai mạc.\n\n"
        "Mục tiêu xóa nhà tạm năm 2025 được hoàn thành sớm với 12.520 căn được hỗ trợ.\n"
    )
    draft = draft_of(text)
    assert [(o.value, o.period) for o in draft.observations] == [(12520, "2025")]  # the body's, with its year


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Trong nhiệm kỳ, Hội thành lập mới 50 Hợp tác xã; thành lập 266 Tổ hợp tác.", [50, 266]),
        ("Tại lễ khởi động đã ra mắt 5 Đội hình Thanh niên xung kích.", [5]),
        ("Tỉnh đoàn trao tặng 10 căn nhà; 7 Cầu giao thông nông thôn và 45 bộ máy vi tính.", [10, 7, 45]),
        ("Đoàn đã thăm và tặng quà cho 2 Mẹ Việt Nam anh hùng.", [2]),
        ("lãnh đạo huyện đến thăm và tặng quà 6 Bà mẹ Việt Nam anh hùng trên địa bàn.", [6]),  # w801
        ("Giáo hạt có 42 Giáo xứ, 79 Họ đạo và 34 Linh mục; toàn huyện có 120 Khu dân cư.", [42, 79, 34, 120]),
        # fresh texts uy07 and uy09
        ("Buổi họp mặt có lãnh đạo quận và hơn 200 Người cao tuổi đến dự.", [200]),
        ("Xã có 20 thôn, bản và 20 Ban Công tác Mặt trận.", [20, 20]),
        ("Toàn tỉnh cấp hơn 128 ngàn Bảo hiểm y tế cho người cao tuổi.", [128000]),  # the cards (af04)
        # equal counts of one noun in one sentence, told apart by where they are
        ("Ngoài ra còn có 1 cửa hàng ở Hà Nội và 1 cửa hàng ở Hòa Bình.", [1, 1]),
        # equal amounts in one sentence, told apart by who gave them
        ("Huy động từ Ngân hàng Quân đội 5 triệu đồng, Đoàn cơ sở Sở Nông nghiệp hỗ trợ 5 triệu đồng.", [5e6, 5e6]),
        # a quoted name given, built or listed is the thing counted (c209, p1693, nj09); a project's number is not
        ("Liên đoàn Lao động tỉnh đã tặng 6 “Mái ấm Công đoàn”, trị giá 50 triệu đồng/căn.", [6, 5e7]),
        ("Công đoàn Hà Tĩnh trao hỗ trợ thêm 4 “Mái ấm Công đoàn” cho đoàn viên.", [4]),
        ("Toàn huyện có 518 “Đơn vị học tập” và 503 “Cộng đồng học tập”.", [518, 503]),
        ("Hội triển khai Dự án 8 “Thực hiện bình đẳng giới” tại 12 xã.", [12]),
    ],
)
def test_counts_of_units_a_text_capitalises(sentence, expected):
    assert values(draft_of(sentence)) == expected


def test_a_figure_of_this_year_takes_the_provinces_of_the_page_not_of_the_merger(registry):
    """A page of March 2025 that counts "năm 2025" speaks before 1/7/2025: Bến Tre (83), not the Vĩnh Long (86) it
    joined; the same figure on an undated page keeps the year's end and the merged province."""
    text = (
        "Vừa qua, Ban Thường vụ Tỉnh đoàn Bến Tre đã tổ chức lễ khởi động Tháng Thanh niên năm 2025. "
        "Tổng giá trị các công trình trong năm 2025 là 2,3 tỷ đồng.\n"
    )
    dated = draft_of(" date 2025-03 " + text, registry, province="83")
    assert [(o.value, o.period, o.province) for o in dated.observations] == [(2_300_000_000, "2025", "83")]
    undated = draft_of(text, registry, province="83")
    assert [(o.period, o.province) for o in undated.observations] == [("2025", "86")]


def test_a_launch_reported_as_just_done_is_dated_by_the_page():
    text = (
        "Xã Quảng Nghĩa ra mắt Tổ Phụ nữ liên kết phát triển kinh tế\n\n06/05/2021 21:12\n"
        "Hội Liên hiệp Phụ nữ (LHPN) xã Quảng Nghĩa vừa thành lập và ra mắt tổ phụ nữ liên kết phát triển kinh tế. "
        "Đồng chí Hà Thị Mai, Thành ủy viên, Chủ tịch Hội LHPN TP Móng Cái dự.\n"
    )
    draft = draft_of(text)
    assert [(v.date_start, v.body) for v in draft.visits] == [("2021-05-06", "Hội Liên hiệp Phụ nữ (LHPN) xã")]


def test_a_member_of_a_party_committee_is_a_title_and_the_team_leader_names_the_body():
    text = (
        "Trong 2 ngày (24 và 25/11/2022), đồng chí Trần Văn Tám, Tỉnh ủy viên, Phó trưởng Ban Thường trực Ban Dân vận "
        "Tỉnh ủy làm Trưởng đoàn đến kiểm tra việc thực hiện quy chế dân chủ ở cơ sở.\n"
    )
    draft = draft_of(text)
    assert [(v.date_start, v.date_end, v.body) for v in draft.visits] == [
        ("2022-11-24", "2022-11-25", "Ban Dân vận Tỉnh ủy")
    ]
    assert [b.name for b in find_bodies("Đồng chí Hà Thị Mai, Thành ủy viên, dự.")] == []


def test_a_ban_dan_van_written_in_lower_case_is_a_body(registry):
    """Found curating Bến Tre's survey of 9/8/2016 (tuning text p1188): "Ban dân vận tỉnh ủy do ông Lê Văn Gập …
    làm trưởng đoàn" drafted the body "Tỉnh ủy" from the leader's title. Not a
    body: a title written in lower case ("trưởng, phó ban Dân vận huyện ủy") nor members who attend ("các đồng chí
    trong Ban dân vận huyện ủy")."""
    text = (
        "Sáng ngày 9 tháng 8 năm 2016, Ban dân vận tỉnh ủy do ông Lê Văn Gập, Ủy viên Ban thường vụ Tỉnh ủy, Trưởng "
        "ban Dân vận Tỉnh ủy làm trưởng đoàn đã có buổi làm việc với Ban chỉ đạo thực hiện quy chế dân chủ cơ sở xã "
        "Mỹ Thạnh về khảo sát tình hình thực hiện quy chế dân chủ cơ sở."
    )
    assert [(v.date_start, v.kind, v.body, v.body_level) for v in draft_of(text, registry).visits] == [
        ("2016-08-09", "khao_sat", "Ban Dân vận tỉnh ủy", "province")
    ]
    assert [b.name for b in find_bodies("82 cán bộ là trưởng, phó ban Dân vận huyện ủy, quận ủy tham gia.")] == []
    assert [b.name for b in find_bodies("Tới dự có các đồng chí trong Ban dân vận huyện ủy.")] == []


@pytest.mark.parametrize(
    ("text", "body"),
    [
        # curating p82: "Ban chỉ đạo" alone, the movement written with a capital
        (
            "Ban chỉ đạo Phong trào thi đua “Dân vận khéo” huyện Châu Thành vừa tổ chức hội nghị triển khai.",
            "Ban chỉ đạo Phong trào thi đua “Dân vận khéo” huyện",
        ),
        (
            "Ngày 12/10, Ban Chỉ đạo về thực hiện quy chế dân chủ ở cơ sở tỉnh tổ chức hội nghị.",
            "Ban Chỉ đạo về thực hiện quy chế dân chủ ở cơ sở tỉnh",
        ),
    ],
)
def test_a_steering_committee_is_named_with_what_it_steers(text, body):
    assert [b.name for b in find_bodies(text)] == [body]


@pytest.mark.parametrize(
    ("text", "bodies"),
    [
        ("Sáng ngày 13/7/2015, xã Hòa Sơn tổ chức hội nghị biểu dương mô hình.", ["xã Hòa Sơn"]),
        ("Xã Vĩnh Hòa Hiệp, tổ chức Hội nghị dân vận khéo giai đoạn 2016-2020.", ["Xã Vĩnh Hòa Hiệp"]),
        # the commune of a body is not the organiser
        ("Ngày 5/3/2024, Hội Nông dân xã Lưu Sơn tổ chức hội nghị.", ["Hội Nông dân xã"]),
    ],
)
def test_a_commune_that_opens_its_clause_organises(text, bodies):
    """Curating zk05 and p1990: a commune's own conference had no body (the labels name the commune, H7)."""
    assert [b.name for b in find_bodies(text)] == bodies


def test_a_fronts_committee_with_a_capital_type_word_leads_its_team(registry):
    """Curating p1697: "Đoàn UBMTTQ Tỉnh do đ/c X … dẫn đầu đã đi kiểm tra" had no body."""
    text = (
        "Chiều 31/10/2022, Đoàn UBMTTQ Tỉnh do đ/c Trần Thị Thu Hương, Phó chủ tịch UBMTTQVN Tỉnh Nghệ An dẫn đầu đã "
        "đi kiểm tra một số mô hình dân vận khéo tại Thị xã Cửa Lò."
    )
    assert [(v.date_start, v.kind, v.body, v.body_level) for v in draft_of(text, registry).visits] == [
        ("2022-10-31", "kiem_tra", "UBMTTQ Tỉnh", "province")
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Ngày 31/8/2023, Ủy ban MTTQ Việt Nam tỉnh có 120 tổ chức thành viên và 2.652 chi hội.",  # the noun
        "Ngày 5/1/2024, Ủy ban MTTQ Việt Nam tỉnh Quảng Bình cho biết, tại hội nghị của Ủy ban lần thứ 9 tổng kết "
        "công tác mặt trận, các đại biểu đã thống nhất nhiều giải pháp.",  # the day it is told, not held
        "Thực hiện Kế hoạch số 36/KH-UBMTTQ-BTT ngày 19 tháng 10 năm 2020 của Ủy ban MTTQ Việt Nam phường về tổ "
        "chức Ngày hội, các khu dân cư đã chuẩn bị chu đáo.",  # a plan's date written in words
        "Báo cáo kết quả phối hợp giữa Ủy ban MTTQ Việt Nam tỉnh với HĐND tỉnh từ năm 2021 đến tháng 6/2023 cho "
        "thấy Mặt trận đã tham gia giám sát.",  # the period reviewed
    ],
)
def test_dates_that_are_no_gathering(text):
    assert [v.date_start for v in draft_of(text).visits if v.date_start] == []


def test_a_day_a_body_tells_of_a_gathering_just_held_dates_it():
    text = (
        "Ngày 4/11/2023, Ủy ban MTTQ Việt Nam tỉnh Quảng Ngãi cho biết, vừa tổ chức nghiệm thu và bàn giao 100 ngôi "
        "nhà đại đoàn kết cho các hộ nghèo.\n"
    )
    assert [(v.date_start, v.body) for v in draft_of(text).visits] == [("2023-11-04", "Ủy ban MTTQ Việt Nam tỉnh")]


def test_the_day_a_body_tells_of_a_gathering_gives_way_to_the_gatherings_own():
    text = (
        "Ngày 22-7-2015, Tỉnh đoàn Quảng Trị cho hay Chương trình giao lưu hữu nghị thanh niên Quảng Trị - Savannakhet "
        "năm 2015 diễn ra tại Quảng Trị từ 25 đến 27-7.\n"
    )
    assert [(v.date_start, v.date_end) for v in draft_of(text).visits] == [("2015-07-25", "2015-07-27")]


def test_a_day_written_after_the_gathering_it_dates_is_no_day_of_telling():
    # j701: "cho biết" after the day tells of the gathering "tổ chức ngày 30/10" names; the day is the gathering's
    # (the page's stamp and headline as j701 has them)
    text = (
        "09:21:00 31/10/2015\n\n89% Ban Công tác Mặt trận phát huy hiệu quả cao trong hoạt động tại khu dân cư\n\n"
        "Tại hội nghị tổng kết 3 năm thực hiện kế hoạch của Ban Thường trực Ủy ban MTTQ TP Hồ Chí Minh vừa được Ủy "
        "ban MTTQ TP Hồ Chí Minh tổ chức ngày 30/10, đại diện Ủy ban MTTQ TP cho biết, đến nay, toàn thành phố đã có "
        "1774/1992 Ban Công tác Mặt trận đạt loại tốt.\n"
    )
    assert [v.date_start for v in draft_of(text).visits] == ["2015-10-30"]


def test_a_plans_date_in_words_is_the_documents():
    draft = draft_of("Thực hiện Kế hoạch số 36/KH-UBMTTQ-BTT ngày 19 tháng 10 năm 2020 của Ủy ban MTTQ phường.")
    assert [(d.code, d.date) for d in draft.documents] == [("36/KH-UBMTTQ-BTT", "2020-10-19")]


# --- round 19 (on-arrival misses of p694-p722) -------------------------------------------------------------------


def test_a_visit_led_by_a_title_written_before_the_name_is_that_offices():
    text = (
        "Thực hiện Đề án hỗ trợ làm nhà đại đoàn kết, năm 2024 thành phố có trên 50 hộ nghèo được hỗ trợ.\n"
        "Cùng ngày 13/1, Trưởng ban Dân vận Trung ương Bùi Thị Minh Hoài đã tới thăm, tặng 20 suất quà cho các gia "
        "đình chính sách.\n"
    )
    draft = draft_of(text)
    assert [(v.date_start, v.body, v.body_level, v.leader_name, v.leader_title) for v in draft.visits] == [
        ("2024-01-13", "Ban Dân vận Trung ương", "central", "Bùi Thị Minh Hoài", "Trưởng ban Dân vận Trung ương")
    ]


@pytest.mark.parametrize(
    ("text", "person"),
    [
        # a province's name before the leader's: its last word is not the name's first
        ("Bí thư Tỉnh ủy Lâm Đồng Trần Văn Hiệp đã tới thăm", ("Trần Văn Hiệp", "Bí thư Tỉnh ủy Lâm Đồng")),
        ("Chủ tịch UBND tỉnh Hà Giang Nguyễn Văn Sơn làm việc với", ("Nguyễn Văn Sơn", "Chủ tịch UBND tỉnh Hà Giang")),
        (
            "Trưởng ban Dân vận Trung ương Bùi Thị Minh Hoài đã tới thăm",
            ("Bùi Thị Minh Hoài", "Trưởng ban Dân vận Trung ương"),
        ),
        # curating p1966: a province of two words ("Cà Mau Lê Dũng" was the name)
        ("Trưởng Ban Dân vận Tỉnh uỷ Cà Mau Lê Dũng làm việc với", ("Lê Dũng", "Trưởng Ban Dân vận Tỉnh uỷ Cà Mau")),
        (
            "Bí thư Tỉnh ủy Bà Rịa - Vũng Tàu Phạm Viết Thanh làm việc",
            ("Phạm Viết Thanh", "Bí thư Tỉnh ủy Bà Rịa - Vũng Tàu"),
        ),
    ],
)
def test_a_title_written_before_the_name_names_the_leader(text, person):
    assert [(p.name, p.title) for p in find_people(text)] == [person]


@pytest.mark.parametrize(
    ("text", "person"),
    [
        # curating p1188: "ông" before the leader's name
        (
            "Ban dân vận tỉnh ủy do ông Lê Văn Gập, Ủy viên Ban thường vụ Tỉnh ủy, Trưởng ban Dân vận Tỉnh ủy làm "
            "trưởng đoàn đã có buổi làm việc.",
            ("Lê Văn Gập", "Ủy viên Ban thường vụ Tỉnh ủy, Trưởng ban Dân vận Tỉnh ủy"),
        ),
        # curating p1697 and vi01: "dẫn đầu" and "làm Trưởng Đoàn" end the title
        (
            "Đoàn UBMTTQ Tỉnh do đ/c Trần Thị Thu Hương, Phó chủ tịch UBMTTQVN Tỉnh Nghệ An dẫn đầu đã đi kiểm tra.",
            ("Trần Thị Thu Hương", "Phó chủ tịch UBMTTQVN Tỉnh Nghệ An"),
        ),
        (
            "Đoàn kiểm tra do đồng chí Võ Thị Trà My – Phó Trưởng Ban Dân vận Thành uỷ làm Trưởng Đoàn cùng đi.",
            ("Võ Thị Trà My", "Phó Trưởng Ban Dân vận Thành uỷ"),
        ),
    ],
)
def test_a_leaders_title_ends_where_the_leading_begins(text, person):
    assert [(p.name, p.title) for p in find_people(text)] == [person]


def test_a_visits_leader_keeps_the_whole_title(registry):
    """Curating p1188: the leader found after "ông", with the title as the report prints it (the curator had typed the
    whole of it over "Trưởng ban Dân vận Tỉnh ủy" on 13 of 33 visits)."""
    text = (
        "Sáng ngày 9 tháng 8 năm 2016, Ban dân vận tỉnh ủy do ông Lê Văn Gập, Ủy viên Ban thường vụ Tỉnh ủy, Trưởng "
        "ban Dân vận Tỉnh ủy làm trưởng đoàn đã có buổi làm việc với Ban chỉ đạo thực hiện quy chế dân chủ cơ sở xã "
        "Mỹ Thạnh về khảo sát tình hình thực hiện quy chế dân chủ cơ sở."
    )
    (visit,) = draft_of(text, registry).visits
    assert (visit.leader_name, visit.leader_title) == (
        "Lê Văn Gập",
        "Ủy viên Ban thường vụ Tỉnh ủy, Trưởng ban Dân vận Tỉnh ủy",
    )
    # curating vi01: "Thành uỷ" written the old way is drafted as the data writes it
    text = (
        "Sáng nay ngày 08/11/2023, Đoàn kiểm tra của Ban Dân vận Thành uỷ do đồng chí Võ Thị Trà My – Phó Trưởng Ban "
        "Dân vận Thành uỷ làm Trưởng Đoàn đã làm việc với Đảng uỷ phường."
    )
    assert [(v.leader_name, v.leader_title) for v in draft_of(text, registry).visits] == [
        ("Võ Thị Trà My", "Phó Trưởng Ban Dân vận Thành ủy")
    ]


@pytest.mark.parametrize(
    ("text", "provinces"),
    [
        # "ông" and "bà" open a person's name only in find_people: "bà con Cà Mau" is a place
        ("Bà con Cà Mau đã ủng hộ.", ["96"]),
        # a province written with a dash was not found at all (its run of capitals stopped at the dash)
        ("Ủy ban MTTQ tỉnh Bà Rịa - Vũng Tàu đã ủng hộ bà con Cà Mau.", ["77", "96"]),
        ("Báo Thừa Thiên - Huế đưa tin.", ["46"]),
        ("Tỉnh Bà Rịa – Vũng Tàu có 8 huyện.", ["77"]),
        ("lịch sử của 2 tỉnh Bình Dương và Bà rịa - Vũng Tàu.", ["74", "77"]),  # tuning text ys01
    ],
)
def test_a_province_after_ba_or_written_with_a_dash_is_found(registry, text, provinces):
    assert [h.province for h in find_places(text, registry)] == provinces


def test_a_womens_union_written_in_lower_case_is_a_body():
    text = (
        " date 2024-03 (GLO)- Chiều 22-3, Hội Liên hiệp phụ nữ (LHPN) huyện Đak Pơ phối hợp với Hội LHPN xã Phú An "
        "phát động cuộc thi khởi nghiệp.\n"
    )
    assert [(v.date_start, v.body) for v in draft_of(text).visits] == [
        ("2024-03-22", "Hội Liên hiệp phụ nữ (LHPN) huyện")
    ]


def test_a_summer_campaigns_year_dates_its_span_and_is_no_figure():
    text = (
        "Thăm, tặng quà thanh niên tình nguyện hè\n"
        "Từ ngày 12-7 đến 20-7, Ban Chỉ đạo Chiến dịch Thanh niên tình nguyện hè 2016 tỉnh tổ chức 2 đoàn đến thăm, "
        "tặng quà các thanh niên tình nguyện tại 10 xã.\n"
    )
    draft = draft_of(text)
    assert [(v.date_start, v.date_end) for v in draft.visits] == [("2016-07-12", "2016-07-20")]
    assert values(draft) == [2, 10]


def test_a_number_opening_a_quoted_campaign_name_is_part_of_the_name():
    text = "Hội hưởng ứng đợt thi đua “90 hành động thiết thực phụ nữ và trẻ em” với 12 công trình."
    assert values(draft_of(text)) == [12]


def test_a_count_of_a_thing_named_in_quotes_is_a_count():
    """Fresh tuning text ty05: "Hiện nay có 12 “tổ tự quản về an ninh trật tự”" counts 12 of them; a capital after
    the quote opens a name, counted only when given, built or listed (test_counts_of_units_a_text_capitalises): a
    project's or a document's number stays the project's or the document's."""
    found = draft_of("Hiện nay có 12 “tổ tự quản về an ninh trật tự”.\n", published="2018-12-21").observations
    assert [(o.value, o.indicator) for o in found] == [(12, "new:tổ tự quản")]
    assert values(draft_of("Thực hiện Chỉ thị 05 “về đẩy mạnh học tập”.\n")) == []
    assert values(draft_of("Hội triển khai Đề án 939 “Hỗ trợ phụ nữ khởi nghiệp”.\n")) == []


# --- round 20 (on-arrival misses of p726-p757) -------------------------------------------------------------------


def test_a_count_to_an_hour_of_a_day_is_no_gathering():
    text = (
        "Thông tin từ Ủy ban Trung ương MTTQ Việt Nam, tính đến 17h ngày 11/10/2025, các cá nhân, tổ chức đã đăng ký "
        "ủng hộ đồng bào bị ảnh hưởng bởi bão lũ thông qua Ban Vận động cứu trợ Trung ương.\n"
    )
    assert [v.date_start for v in draft_of(text).visits if v.date_start] == []


def test_a_count_to_a_part_of_a_day_is_no_gathering():
    """Fresh tuning text qtp02: "tính đến chiều 13/9, MTTQ các cấp trong tỉnh đã tiếp nhận …" counts to that
    afternoon, as "tính đến 17h ngày 11/10" counts to its hour; a gathering held that afternoon, or from morning to
    afternoon, is still one."""
    counted = (
        "Thời sự Đắk Nông\n\nĐắk Nông đã tiếp nhận trên 1,7 tỷ đồng ủng hộ đồng bào phía Bắc\n\n"
        "Trọng Nghĩa 13/09/2024 - 18:31\n\nTheo Ủy ban MTTQ Việt Nam tỉnh Đắk Nông, tính đến chiều 13/9, MTTQ các cấp "
        "trong tỉnh đã tiếp nhận trên 1,7 tỷ đồng ủng hộ đồng bào các tỉnh phía Bắc bị ảnh hưởng bởi cơn bão số 3.\n"
    )
    assert [v.date_start for v in draft_of(counted, province="67").visits if v.date_start] == []
    for held in (
        "Chiều 13/9, Ủy ban MTTQ tỉnh tổ chức hội nghị tiếp nhận ủng hộ đồng bào phía Bắc.\n",
        "Hội nghị của Ủy ban MTTQ tỉnh diễn ra từ sáng đến chiều 13/9 tại Gia Nghĩa.\n",
    ):
        assert [v.date_start for v in draft_of(held, published="2024-09-13").visits] == ["2024-09-13"]


def test_a_contests_final_round_is_a_gathering():
    text = (
        "Một triệu lượt hội viên nông dân trong cả nước đua tài\n\n"
        "Tối 1-10-2022, tại tỉnh An Giang đã diễn ra vòng chung kết giữa các đội thi đến từ Hội Nông dân của 4 tỉnh.\n"
    )
    assert [(v.date_start, v.body) for v in draft_of(text).visits] == [("2022-10-01", None)]


def test_a_month_named_without_its_year_dates_a_gathering_in_the_pages_year():
    """ "Trong tháng 4, …" on a page of 10/5/2024 is April 2024, noted; "tháng 12" on a page of January is the year
    before; a span of months, or a count of them, is no month of its own."""
    april = draft_of("Trong tháng 4, Ban Dân vận Tỉnh ủy đã chủ trì khảo sát tại 3 xã.\n", published="2024-05-10")
    assert [(v.date_start, v.date_precision) for v in april.visits] == [("2024-04-01", "month")]
    assert april.visits[0].date_note == "Ngày ghi “Trong tháng 4”, năm lấy theo ngày đăng 10/05/2024."
    december = draft_of("Trong tháng 12, Ban Dân vận Tỉnh ủy tổ chức khảo sát.\n", published="2024-01-05")
    assert [v.date_start for v in december.visits] == ["2023-12-01"]
    # (a span of months opened by "từ" is read as that span, round 57)
    spans = find_dates("Từ tháng 4 đến tháng 6; trong 6 tháng", 2024)
    assert [(h.day.month, h.end_day and h.end_day.month, h.precision) for h in spans] == [(4, 6, "month")]
    assert find_dates("trong tháng 4 tới tháng 6 các đoàn", 2024) == []
    # fresh tuning text yr10: "vào tháng 6 tới" is the coming June, a planned congress (H5)
    coming = draft_of("Đại hội Hội LHPN huyện dự kiến diễn ra vào tháng 6 tới.\n", published="2021-04-28")
    assert event_keys(coming) == {"2021-06"}


def test_the_minutes_of_a_time_of_day_are_no_figure():
    assert values(draft_of("Các hội viên tập từ 5 giờ đến 6 giờ 30 sáng; CLB có 45 hội viên.\n")) == [45]


def test_a_written_span_of_days_with_its_organiser_unnamed_is_still_the_texts_gathering():
    text = (
        "Trong hai ngày 27 – 28/1/2026, Trung tâm Hoạt động Thanh thiếu nhi tỉnh Sơn La phối hợp với các đơn vị đồng "
        "hành tổ chức chuỗi hoạt động tại các xã vùng khó khăn.\n"
    )
    visit = draft_of(text).visits[0]
    assert (visit.date_start, visit.date_end, visit.body) == ("2026-01-27", "2026-01-28", None)
    assert "Bài không nêu cơ quan tổ chức: người nhập cần ghi cơ quan." in visit.notes


def test_a_gathering_still_to_come_gets_no_date_from_the_page():
    text = (
        "Theo kế hoạch, dịp Tết Nguyên đán, Tổng Liên đoàn Lao động Việt Nam sẽ tổ chức thăm, tặng quà đoàn viên.\n"
        "Mức hỗ trợ dự kiến là 1,3 triệu đồng/người.\n"
    )
    assert draft_of(text, published="2025-10-16").visits == []
    held = text.replace("sẽ tổ chức", "đã tổ chức")
    assert [v.date_start for v in draft_of(held, published="2025-10-16").visits] == ["2025-10-16"]


def test_a_date_inside_a_quoted_name_is_the_names():
    text = (
        "Thiết thực hưởng ứng “Ngày toàn dân phòng chống mua bán người - 30/7 năm 2020”, Hội LHPN tỉnh Sơn La phối "
        "hợp tổ chức chương trình truyền thông.\n"
    )
    assert [v.date_start for v in draft_of(text).visits] == []
    assert [v.date_start for v in draft_of(text.replace("“", '"').replace("”", '"')).visits] == []
    dated = "Ngày 30/7/2020, Hội LHPN tỉnh Sơn La tổ chức chương trình “Đồng hành cùng phụ nữ biên cương”.\n"
    assert [v.date_start for v in draft_of(dated).visits] == ["2020-07-30"]
    # zc10: a name opened with a curly quote and closed with a straight one is closed; the day after it, and the
    # straight quotes of the next name, are no quoted name's
    mixed = (
        'Hưởng ứng chiến dịch năm 2022, với chủ đề “Cùng hành động để thay đổi thế giới". Ngày 28/9, Hội Liên hiệp '
        'Phụ nữ xã ra mắt mô hình "Ngôi nhà xanh" thu gom rác thải nhựa.\n'
    )
    assert [v.date_start for v in draft_of(mixed).visits] == ["2022-09-28"]


def test_a_school_year_gives_a_yearless_day_its_year_by_the_half_it_falls_in():
    text = "Ngày {}, huyện Quảng Ninh tổ chức chương trình “Trao xe đạp tiếp sức đến trường” năm học 2022-2023.\n"
    assert [v.date_start for v in draft_of(text.format("25/8")).visits] == ["2022-08-25"]
    assert [v.date_start for v in draft_of(text.format("15/3")).visits] == ["2023-03-15"]
    opening = (
        "Sáng nay 5.9, Bí thư thứ nhất Trung ương Đoàn tới dự lễ khai giảng. Trong năm học mới 2015 - 2016, trường "
        "có 300 học sinh.\n"
    )
    assert [v.date_start for v in draft_of(opening).visits] == ["2015-09-05"]


def test_a_year_named_with_its_lunar_name_is_a_year_the_text_speaks_of():
    text = (
        "Sáng 28/6, đoàn lãnh đạo tỉnh An Giang đến thăm và chúc mừng Ban Trị sự Trung ương Phật giáo Hòa Hảo nhân kỷ "
        "niệm lần thứ 71 ngày khai đạo (18/5 năm Kỷ Mão 1939 – 18/5 năm Canh Dần 2010).\n"
    )
    assert [v.date_start for v in draft_of(text).visits] == ["2010-06-28"]


def test_a_share_named_after_a_fraction_and_a_headline_rounding_its_part_are_one_fact():
    text = (
        "Phụ nữ Hà Tĩnh xây dựng thành công hơn 150 sản phẩm đạt chuẩn OCOP\n"
        "Toàn tỉnh hiện có 154/238 sản phẩm được công nhận đạt chuẩn OCOP do phụ nữ làm chủ (tỷ lệ 65%).\n"
    )
    draft = draft_of(text)
    assert [(o.value, o.numerator, o.denominator, o.unit) for o in draft.observations] == [(65, 154, 238, "percent")]


def test_an_undated_text_of_2025_that_names_a_living_district_uses_the_old_scheme(registry):
    """Districts were abolished on 1/7/2025: a text with no date but "năm 2025" that names "thị xã Vĩnh Châu" was
    written before, so Sóc Trăng keeps its own code (94), not the Cần Thơ it merged into; a district named as a former
    one ("trước đây thuộc huyện …") says nothing of the text's date."""
    text = (
        "Nhân dịp Tết cổ truyền Chôl Chnăm Thmây năm 2025, Tỉnh đoàn Sóc Trăng đã thành lập Đoàn đến thăm, chúc Tết "
        "chùa Prey Chóp, xã Lai Hòa, thị xã Vĩnh Châu.\n"
    )
    assert draft_of(text, registry).source.province == "94"
    merged = text.replace("thị xã Vĩnh Châu", "trước đây thuộc thị xã Vĩnh Châu")
    assert draft_of(merged, registry).source.province == "92"


def test_an_undated_text_of_no_year_that_names_a_living_district_keeps_its_terms_targets_in_the_old_scheme(registry):
    """v405: a congress's page with no date and no day in it, naming "huyện Châu Phú", was written before the merger;
    its targets for the term to 2025 are An Giang's (89), not those of the An Giang merged on 1/7/2025 (91)."""
    text = (
        "Nhiệm kỳ qua, Chi bộ Khối vận huyện Châu Phú đã thực hiện tốt công tác dân vận.\n"
        "Nhiệm kỳ 2020 – 2025, Chi bộ Khối vận Châu Phú phấn đấu cất mới 450 căn nhà cho hộ nghèo.\n"
    )
    draft = draft_of(text, registry)
    assert [(o.value, o.province) for o in draft.observations] == [(450, "89")]


def test_a_line_stripped_of_its_marks_is_a_pages_address_not_a_sentence():
    text = "Kỳ Anh tổ chức mừng thọ cho 30 cụ từ 100 tuổi.\nky anh to chuc mung tho cho 30 cu tu 100 tuoi\n"
    assert values(draft_of(text)) == [30]


def test_a_special_zone_made_of_a_whole_district_is_read_in_its_province(registry):
    """Đặc khu Côn Đảo (2025) is the old huyện Côn Đảo of Bà Rịa - Vũng Tàu whole, which had no communes: in a text
    of 2026 it is TP Hồ Chí Minh's, not thị trấn Cồn of Nam Định read without its marks."""
    assert [p.name for p in registry.gazetteer.old_communes("26732")] == ["Côn Đảo"]
    text = "Ngày 25-1, Đoàn thanh niên đặc khu Côn Đảo phối hợp với Bảo tàng tổ chức chương trình về nguồn.\n"
    assert draft_of(text, registry, published="2026-01-26").source.province == "79"


def test_tphcm_written_as_one_word_names_the_city(registry):
    for text in ("Cả nghìn người lao động TPHCM nô nức tham gia chợ Tết Công đoàn.", "Hội LHPN TPHCM đã triển khai."):
        assert [(h.name, h.province) for h in find_places(text, registry)] == [("Hồ Chí Minh", "79")]
    assert find_places("Theo TPHN, hội có 20 chi hội.", registry) == []


# --- round 28 (ninth session) -----------------------------------------------------------------------------------


def test_a_weight_glued_to_its_number_and_a_figure_per_unit_beside_an_equal_total():
    draft = draft_of(
        "Năm 2022, xã có 43 hộ nghèo được cấp gạo (mỗi hộ 35kg). Hội đã tặng 240kg gạo.\n"
        "Công ty tài trợ 80 triệu đồng cho căn nhà thứ nhất. Mỗi căn nhà được hỗ trợ 80 triệu đồng từ Quỹ.\n"
    )
    assert values(draft) == [43, 35, 240, 80_000_000, 80_000_000]
    assert (
        draft_of("Công ty tài trợ 80 triệu đồng. Ban vận động trao 80 triệu đồng cho gia đình.\n").observations[1:]
        == []
    )  # the same sum twice, neither per unit: one fact


def test_a_numeral_whose_items_follow_after_a_colon_and_a_link_line_are_no_counts():
    draft = draft_of(
        "Ủy ban MTTQ tỉnh tổ chức giám sát 2 nội dung gồm: Giám sát việc thực hiện quyền của đại biểu; giám sát "
        "việc thực hiện chính sách tín dụng. Hội vận động 3 nội dung gồm: A; B.\n"
        "> 3 tập thể T.Ư Đoàn được Thủ tướng tặng bằng khen\n"
    )
    assert values(draft) == [3]  # two items listed for "3 nội dung": a count after all


def test_a_mid_term_review_takes_no_year_from_the_congress_whose_resolution_it_reviews():
    text = (
        "Sáng ngày 11/6, Hội Phụ nữ Đô Lương tổ chức Hội nghị đánh giá giữa nhiệm kỳ thực hiện Nghị quyết Đại hội "
        "đại biểu Phụ nữ huyện nhiệm kỳ 2021 – 2026.\n"
    )
    assert [v.date_start for v in draft_of(text).visits if v.date_start] == []
    congress = "Sáng ngày 11/6, Đại hội đại biểu Phụ nữ huyện Đô Lương nhiệm kỳ 2021 – 2026 khai mạc.\n"
    assert [v.date_start for v in draft_of(congress).visits] == ["2021-06-11"]
    # carrying the resolution out lies somewhere inside the term (H4): no year. p158's label gives such a launch its
    # term's first year; kv01, kv08, uh06, p630 and p1589 give none or another, as H4 does.
    launch = "Ngày 21/11, Ủy ban MTTQ tỉnh tổ chức Hội nghị triển khai Nghị quyết Đại hội nhiệm kỳ 2019-2024.\n"
    assert [v.date_start for v in draft_of(launch).visits] == [None]


def test_a_feast_written_with_its_year_dates_the_visits_for_it():
    easter = (
        "Sáng 14-4, ông Cao Ngọc Tâm - Phó Chủ tịch UBMTTQ Việt Nam tỉnh Khánh Hòa cùng đoàn công tác đến thăm, chúc "
        "mừng Tòa Giám mục Giáo phận Nha Trang nhân dịp lễ Phục sinh năm 2022.\n"
    )
    assert [v.date_start for v in draft_of(easter).visits] == ["2022-04-14"]
    assert [v.date_start for v in draft_of(easter.replace("năm 2022", "2024")).visits] == ["2024-04-14"]
    tet = "Ngày {}, Ủy ban MTTQ tỉnh tổ chức thăm, tặng quà Tết Nguyên đán Giáp Thìn 2024 cho hộ nghèo.\n"
    assert [v.date_start for v in draft_of(tet.format("28/12")).visits] == ["2023-12-28"]  # before the Tết
    assert [v.date_start for v in draft_of(tet.format("28/1")).visits] == ["2024-01-28"]
    # a Tết programme named with its year: "Tết nhân ái năm 2025" in November (fresh tuning cu02)
    kind = "Sáng 16-11, Hội Chữ thập đỏ quận Hải An tổ chức trao quà Tết nhân ái năm 2025 cho người khó khăn.\n"
    assert [v.date_start for v in draft_of(kind).visits] == ["2024-11-16"]


def test_a_month_by_which_work_will_be_done_is_no_gathering(monkeypatch):
    # the rules' reading, every candidate an event
    monkeypatch.setattr(event_model, "model", lambda: event_model.Model({"bias": 5.0}, event_model.THRESHOLD))
    # "trong tháng 5 sẽ hoàn thành": a deadline told after its month (fresh tuning co06)
    text = (
        "Chiều 20/5/2019, Đoàn công tác Ủy ban Trung ương MTTQ Việt Nam đến kiểm tra công tác chuẩn bị Đại hội tại "
        "tỉnh.\nTheo báo cáo của Ban Thường trực Ủy ban MTTQ Việt Nam tỉnh, công tác chuẩn bị đại hội đã cơ bản hoàn "
        "tất, đối với cấp huyện đã hoàn thành 09/11 đơn vị và trong tháng 5 sẽ hoàn thành.\n"
    )
    assert event_keys(draft_of(text)) == {"2019-05-20"}


def test_an_equal_bound_of_another_range_is_another_fact():
    text = (
        "Hội Nông dân huyện phát triển mô hình kinh tế\n"
        "Tiêu biểu là hội viên Nguyễn Văn Đông, thu nhập 200-250 triệu đồng.\n"
        "Hội viên Hồ Năng Khánh thu nhập từ 250 đến 300 triệu đồng.\n"
        "Hội đã tổ chức gần 50 lớp tập huấn. Ngoài ra, Hội phối hợp đào tạo khoảng 40 - 50 lớp cho nông dân.\n"
    )
    assert [v / 1e6 for v in values(draft_of(text))[:4]] == [200, 250, 250, 300]
    assert values(draft_of(text))[4:] == [50, 40]  # "gần 50" then the bound 50 of "40 - 50": one fact


def test_a_quarter_written_with_a_hyphen_names_its_year(monkeypatch):
    # the rules' reading of the year; the event model, refitted in the fourteenth session, weighs the 3rd under 0,45
    monkeypatch.setattr(event_model, "model", lambda: event_model.Model({"bias": 5.0}, event_model.THRESHOLD))
    text = (
        "Sáng 4/4, Chủ tịch UBMTTQ Việt Nam tỉnh chủ trì Lễ ký kết Chương trình phối hợp giám sát.\n"
        "Chiều 3/4, Thường trực Tỉnh ủy chủ trì Hội nghị giao ban công tác quý I-2018.\n"
    )
    assert sorted(v.date_start for v in draft_of(text).visits) == ["2018-04-03", "2018-04-04"]


def test_a_range_with_its_unit_glued_and_a_social_pages_machine_alt_text():
    text = (
        "Bàn giao 2 căn nhà Đại đoàn kết\n"
        "Được biết, bình quân diện tích mỗi căn nhà từ 35-40m2, có tổng kinh phí khoảng 60-70 triệu đồng/căn.\n"
        "Có thể là hình ảnh về 7 người và mọi người đang đứng\n"
    )
    assert values(draft_of(text)) == [2, 35, 40, 60_000_000, 70_000_000]


def test_an_ellipsis_before_a_lower_case_word_does_not_end_the_sentence():
    sentences = [s.text for s in prepare("Hội A, Hội B... tổ chức lễ. Sau đó… mọi người về. Xong… Hết.\n").sentences()]
    assert sentences == ["Hội A, Hội B... tổ chức lễ.", "Sau đó… mọi người về.", "Xong…", "Hết."]
    text = (
        "Sáng 15.4, Ngân hàng Chính sách xã hội tỉnh phối hợp các tổ chức chính trị - xã hội tỉnh, gồm: Hội LHPN, Hội "
        "Nông dân... tổ chức lễ phát động “Tuần lễ gửi tiết kiệm, chung tay vì người nghèo” năm 2022.\n"
    )
    assert [v.date_start for v in draft_of(text).visits] == ["2022-04-15"]


def test_a_fractions_share_further_on_is_its_value_when_the_arithmetic_agrees():
    text = (
        "Hội LHPN tỉnh\n"
        "Toàn tỉnh đã có 140/156 xã, phường, thị trấn tổ chức thành công Đại hội đại biểu Phụ nữ cấp xã, nhiệm kỳ "
        "2021-2026, đạt 89,74%; trong đó có 7/11 huyện hoàn thành. Có 12/20 chi hội tổ chức hội nghị tuyên truyền về "
        "pháp luật cho hội viên phụ nữ ở các thôn bản vùng sâu, chiếm 45% số chi hội.\n"
    )
    found = [(o.value, o.numerator, o.denominator) for o in draft_of(text).observations]
    assert found == [(89.74, 140, 156), (7, 7, 11), (12, 12, 20), (45, None, None)]  # 12/20 is 60%, not 45%


@pytest.mark.parametrize(
    ("text", "day"),
    [
        (
            " date 2024-05 TPO - Thu gom rác thải dọc bờ biển.\n"
            "Ngày 12/5, tại bãi biển An Dũ (xã An Ninh Đông, H. Tuy An), Tỉnh Đoàn Phú Yên tổ chức chương trình ra "
            "quân thực hiện Dự án “Biển không rác” năm 2024.\n",
            "2024-05-12",
        ),
        # qtg03: a monk's title, "TT." (Thượng tọa), before the visit's verb; the page is of the next day
        (
            "Ngày đăng: 12:07 AM 23/01/2025\n"
            "Nhân dịp Tết Nguyên đán Ất Tỵ, chiều ngày 22/01/2025 Đoàn Ban Trị sự GHPGVN tỉnh Kon Tum do TT. Thích "
            "Nhuận Bảo làm trưởng đoàn đã đến thăm và chúc xuân Huyện ủy, UBND huyện Kon Plông.\n",
            "2025-01-22",
        ),
    ],
    ids=["district", "monk"],
)
def test_an_abbreviated_district_or_title_does_not_end_the_sentence(text, day):
    assert [v.date_start for v in draft_of(text).visits] == [day]


def test_a_sentence_ends_after_an_abbreviation_only_at_its_own_stop():
    assert [s.text for s in prepare("Tại Q. 3, Hội tổ chức, ĐĐ. Thích Minh Đạo dự. Xong.\n").sentences()] == [
        "Tại Q. 3, Hội tổ chức, ĐĐ. Thích Minh Đạo dự.",
        "Xong.",
    ]


def test_an_equal_figure_listed_beside_a_restated_one_is_the_next_item():
    text = (
        "Hội Nông dân tỉnh giải ngân vốn vay\n"
        "11 hộ dân ở xã Đắk N'drot được vay vốn để phát triển chăn nuôi dê\n"
        "Hội Nông dân tỉnh giải ngân cho 11 hộ dân ở xã Đắk N’drót vay 500 triệu đồng; 11 hộ ở xã Trường Xuân vay 300 "
        "triệu đồng.\n"
    )
    assert values(draft_of(text)) == [11, 500_000_000, 11, 300_000_000]


def test_a_count_and_a_share_or_a_result_and_a_target_of_one_value_are_two_figures():
    """Round 42's p1459: "20 tổ chức cơ sở" and "từ 20-30% tổ chức hội", "100% hội viên tham gia" and "phấn đấu 100%
    hội viên đạt danh hiệu" were each drafted once."""
    text = (
        "Hội Cựu chiến binh khối cơ quan\n"
        "Toàn Hội hiện có 20 tổ chức cơ sở với 325 hội viên. 100% hội viên tham gia học tập đầy đủ các nghị quyết.\n"
        "Hội phấn đấu 100% hội viên đạt danh hiệu hội viên gương mẫu; từ 20-30% tổ chức hội hoàn thành xuất sắc.\n"
    )
    assert values(draft_of(text)) == [20, 325, 100, 100, 20, 30]
    # one donor's sum, then another's equal one said with "cũng" (round 42's p1458); said again without it, once
    gifts = (
        "Ủng hộ đồng bào vùng lũ\nSáng 8/10, ca sĩ Hòa Minzy chuyển 100 triệu đồng tới tài khoản của Ủy ban MTTQ "
        "tỉnh. Ca sĩ Đức Phúc cũng ủng hộ 100 triệu đồng.\n"
    )
    assert values(draft_of(gifts)) == [100_000_000, 100_000_000]
    assert values(draft_of(gifts.replace(" cũng", ""))) == [100_000_000]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # items after "gồm", split at commas and "và", or quoted: as many as the numeral says, it names its list (H12)
        ("CLB có 2 nhóm tăng thu nhập gồm chăn nuôi heo sinh sản và mua bán dừa trái.", []),
        ("rèn luyện 4 phẩm chất đạo đức “tự tin, tự trọng, trung hậu, đảm đang” của phụ nữ.", []),
        ("có 10 hộ gồm hộ nghèo và cận nghèo; 3 phong trào “Xanh – Sạch – Đẹp”.", [10, 3]),  # not as many
        # capitalised member units, a rate per member
        ("nâng toàn huyện có 15 Chi Hội nghề nghiệp, 55 Tổ Hội nghề nghiệp.", [15, 55]),
        ("vận động hội viên đóng góp quỹ “Nghĩa tình đồng đội” với mức 2.000/hội viên.", [2000]),
        # a people's count after its name
        ("Huyện có 80 người uy tín, trong đó, dân tộc Jrai 68 người, dân tộc Bahnar 12 người.", [80, 68, 12]),
        # … also after "trong đó" without its comma, the name alone or after "dân tộc"
        ("Huyện có 42 người uy tín, trong đó dân tộc Khmer 37 người, Hoa 3 người, Kinh 2 người.", [42, 37, 3, 2]),
        ("Huyện có 42 người uy tín, trong đó Khmer 37 người, Hoa 5 người.", [42, 37, 5]),
        # fresh texts: items after a colon, one per semicolon, the last holding "và"; the people a delegation lists
        ("Các đội sẽ trải qua 3 phần thi gồm: Chào hỏi; tiểu phẩm “Dân vận khéo”; lý thuyết và xử lý tình huống.", []),
        (
            "Đồng Nai có 4 đại biểu, gồm các ông, bà: Nguyễn Thị Kim Liên, Trưởng ban; Nguyễn Văn Luông, Phó ban; "
            "Nguyễn Văn Chư, Trưởng ban đại diện huyện Thống Nhất và Thổ Thân, Ủy viên BCH Hội xã Bàu Trâm.",
            [],
        ),
        # a plenum written in lower case; a house on its street; roads counted
        ("hội thi tìm hiểu nghị quyết trung ương 4 khóa VII và chỉ thị 05 của Bộ Chính trị.", []),
        ("Ngày hội được tổ chức tại Văn phòng Khu phố 7 – 8 đường Trần Thị Cờ, với đông đảo bà con.", []),
        ("Xã làm mới 8 đường giao thông nông thôn.", [8]),
        # a road by its number, not its length (k812, u906, b305, ap06; p843, a404, f610)
        ("Đường 279 đoạn Gia Lộc nhân dân đã hiến trên 10.000m2 đất.", [10000]),
        (
            "Công trình thảm nhựa đường 17 khu phố 5, tuyến đường 534 đoạn đi qua xã; bê tông hóa con đường 120m, "
            "phát quang đường 2.300m.",
            [120, 2300],
        ),
        # a list right after the noun: after a colon split at commas or dashes, after "là" at semicolons (H12)
        ("Hội NCT đã bám sát 3 nhiệm vụ trọng tâm: Xây dựng tổ chức Hội, chăm sóc NCT, phát huy vai trò NCT.", []),
        ("Hội thực hiện 3 nhiệm vụ là xây dựng Hội vững mạnh; Nâng cao chăm sóc; triển khai 2 chương trình.", [2]),
        ("rèn luyện 04 phẩm chất : Tự tin – tự trọng – trung hậu – đảm đang.", []),
        ("tuyên truyền 4 chuẩn mực xây dựng gia đình “No ấm, bình đẳng, tiến bộ, hạnh phúc” cho hội viên.", []),
        ("Hội có 3 chi hội: chi hội 1 có 20 hội viên, chi hội 2 có 30 hội viên.", [3, 20, 30]),  # not as many
        ("Hội có 120 hội viên là nông dân, 30 hội viên là công nhân.", [120, 30]),
        # a junction, the Party's words of praise, an image's file name
        ("kẹt xe đoạn từ Bưu điện đến ngã 3 cầu Tài Phú; 18 chữ vàng; ảnh 0/637309136319356955446.png.", []),
        # the children's five teachings (qra05, hq07, ht01, hu03, hx03, hx08)
        ("Khen thưởng 120 đội viên thực hiện tốt 5 điều Bác Hồ dạy và phong trào Trần Quốc Toản.", [120]),
        # the set a movement or task is one of; one of the households helped still counts (q608, qs02, su07, qqn05,
        # oj10, my06, p2007, qro10)
        (
            "Đây là một trong 3 phong trào lớn do Hội phát động, một trong 05 trụ cột phát triển; là một trong 15 hộ "
            "được hỗ trợ.",
            [15],
        ),
        # a list of names after "là", and a list up to what its items hold ("với …", ", có …"); a description after
        # "là" still counts (ac05, cj10, aq08, ik03, zc01, rw10, qro06)
        (
            "Huyện có 3 tôn giáo là Công giáo, Phật giáo và đạo Tin lành, với tổng số trên 24.000 tín đồ. Tỉnh có 6 "
            "tôn giáo gồm: Phật giáo, Công giáo, Tin lành, Cao đài, Tịnh độ cư sĩ Phật hội Việt Nam và Phật giáo Hòa "
            "Hảo, có 157 cơ sở thờ tự. Hội có 3 nhiệm vụ là xây dựng Hội, chăm lo hội viên và tham gia xây dựng Đảng.",
            [24000, 157, 3],
        ),
        # a campaign's or a model's own criteria; the criteria a commune reached still count (al03, g605, i804, tr02,
        # ua11, uw12, z503, p2068; r602)
        (
            "Hội viên thực hiện 8 tiêu chí của cuộc vận động, 5 tiêu chuẩn và 27 tiêu chí của phong trào, 11 tiêu chí "
            "của “Làng phụ nữ nông thôn mới”; xã mới đạt 11 tiêu chí nông thôn mới.",
            [11],
        ),
        # how a game is played, and a list whose items carry brackets; the matches played count (qrx07, qrw10, ot05,
        # p2036)
        (
            "Môn bóng đá nam thi đấu 7 người, giải bóng đá nam (5 người), tổng cộng 25 trận đấu. Hội thao có 06 môn "
            "thi đấu: Bóng đá mini (05 người), cầu lông, bóng bàn, kéo co (nam, nữ), cờ tướng, nhảy bao bố. 2 cá "
            "nhân được vinh danh là bà Trần Thị Duyên (SN 1966, ở phường Hoài Nhơn Đông) và ông Nguyễn Nam Phong.",
            [25],
        ),
        # the four partners of farming, a set phrase; houses given still count (qp10, su07, qrp09)
        ("Hội là cầu nối trong liên kết 4 nhà, gắn kết “4 nhà” và trao 4 nhà đại đoàn kết cho 12 hộ.", [4, 12]),
        # the units listed after "gồm", each group's bracketed name no item (fresh text uq09)
        (
            "Toàn tỉnh có 8 đơn vị đạt danh hiệu thi đua xuất sắc gồm Điện Bàn, Quế Sơn, Phú Ninh, Thăng Bình (cụm "
            "đồng bằng) và Hiệp Đức, Tiên Phước, Tây Giang, Nông Sơn (cụm miền núi).",
            [],
        ),
        # the campaign's criteria named with the family (fresh text ul03)
        ('Kết quả, có 906 gia đình đạt 8 tiêu chí "Gia đình 5 không, 3 sạch".', [906]),
        # a movement's long name that opens with its number (fresh text ud14); a long quote of another kind counts
        (
            "Đoàn Thanh niên với phong trào “5 xung kích phát triển kinh tế xã hội và bảo vệ Tổ quốc, bốn đồng hành "
            "với thanh niên, lập thân, lập nghiệp”.",
            [],
        ),
        (
            "Hội vận động 120 hội viên, kết quả “5 hộ nghèo được hỗ trợ xây nhà trong năm nay, vượt chỉ tiêu đề ra "
            "của Hội cấp trên”.",
            [120, 5],
        ),
    ],
)
def test_lists_a_numeral_names_and_counts_written_otherwise(text, expected):
    assert values(draft_of("Hội LHPN tỉnh\n" + text + "\n")) == expected


def test_a_captions_line_under_the_text_restates_its_figures():
    text = (
        "Tỉnh đoàn khởi động Tháng thanh niên 2026\n\n"
        "Nhiều công trình tiêu biểu như: vận động 600 triệu đồng xây dựng cầu giao thông nông thôn; trao tặng 50 suất "
        "học bổng cho học sinh có hoàn cảnh khó khăn, tổng trị giá 50 triệu đồng.\n\n"
        "Trao tặng 50 suất học bổng cho học sinh có hoàn cảnh khó khăn, tổng trị giá 50 triệu đồng.\n\n"
        "Đoàn đã trao tặng 100 chiếc màn, 100 chiếc gối cho học sinh bán trú.\n"
    )
    assert values(draft_of(text)) == [600_000_000, 50, 50_000_000, 100, 100]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a handover of houses counted in words, on its written day
        (
            "Thứ Năm, 25/05/2017, 16:05 (GMT+7)\n"
            "Liên đoàn Lao động tỉnh trao Mái ấm Công đoàn\n"
            "Ngày 24-5, Liên đoàn Lao động tỉnh trao hai Mái ấm Công đoàn cho các công đoàn viên gặp khó khăn về "
            "nhà ở.\n",
            ["2017-05-24"],
        ),
        # receiving donations, on its written day
        (
            " date 2025-12-24 Ủy ban MTTQ tỉnh tiếp nhận ủng hộ đồng bào miền Trung khắc phục hậu quả mưa lũ\n\n"
            "Hướng về đồng bào miền Trung, chiều ngày 24/12, Ủy ban MTTQ tỉnh đã tiếp nhận nguồn ủng hộ từ các địa "
            "phương trên địa bàn tỉnh.\n",
            ["2025-12-24"],
        ),
        # an undated house handover under the page's stamp takes the stamp's day
        (
            "29/05/2024 16:45\n"
            "Phó Chủ tịch Thường trực Liên đoàn Lao động tỉnh Phạm Văn Đằng trao quyết định bàn giao nhà “Mái ấm Công "
            "đoàn” cho gia đình anh Nguyễn Văn Ca Nhỏ.\n",
            ["2024-05-29"],
        ),
        # and one of houses counted and named (ea09)
        (
            "Liên đoàn Lao động huyện Chợ Mới trao 2 “Mái ấm công đoàn”\n\n05/02/2024 - 10:17\n\n - Liên đoàn Lao động "
            "huyện Chợ Mới phối hợp Công đoàn thị trấn Mỹ Luông đã bàn giao 2 “Mái ấm công đoàn” cho công đoàn viên.\n",
            ["2024-02-05"],
        ),
    ],
)
def test_a_handover_or_donations_received_is_the_days_event(text, expected):
    assert [v.date_start for v in draft_of(text).visits] == expected


def test_a_text_of_few_figures_says_an_equal_one_again_of_the_same_fact():
    # the headline's "345 suất quà" is the body's "345 phần quà": the body's statement is kept
    text = (
        "Liên đoàn Lao động thành phố tặng 345 suất quà cho đoàn viên\n"
        "Tại chương trình, Liên đoàn Lao động thành phố dành tặng 345 phần quà Tết cho đoàn viên, người lao động có "
        "hoàn cảnh khó khăn.\n"
        "Hội bàn giao 2 nhà tình thương. Tại buổi lễ, xã đã trao quyết định tặng nhà cho 2 hộ.\n"
    )
    draft = draft_of(text)
    assert values(draft) == [345, 2]
    assert draft.observations[0].quote.startswith("Tại chương trình")
    assert draft.observations[1].subject == "nhà tình thương"


def test_a_report_of_many_figures_keeps_equal_ones_counting_other_things():
    text = (
        "Năm 2023, Hội đã vận động thành lập 36 mô hình tổ hợp tác, 12 câu lạc bộ và 410 tổ hội nghề nghiệp. "
        "Có 36 xã hoàn thành dồn điền đổi thửa. Hội phối hợp tổ chức 25 lớp tập huấn cho 1.200 hội viên.\n"
    )
    assert values(draft_of(text)) == [36, 12, 410, 36, 25, 1200]


def test_document_battery_floor():
    """The code reader on the document battery (real sentences from pages outside the repository, labelled by
    section 5 of CONVENTIONS.md): 129 of its 137 codes read and 6 extra at the thirteenth session; three of the
    extras are the battery's own calls against the tuning labels (its header says which). Files c and d (sixteenth
    session): 216 of 228 read, 7 extra. Files e, f and g (seventeenth session), mentions as ordinary news and
    reports have them: 95 of 108 read and 6 extra before the session's changes, 102 and 1 after; the whole battery
    318 of 336 read, 7 extra. File h (eighteenth session), mentions from the south, the Central Highlands and the
    mountain north: 52 of 54 read and 2 extra on arrival; file i, codes after "số" of other kinds: 20 of 24 and 1 extra
    on arrival. The whole battery: 390 of 414 read and 10 extra with the eighteenth session's starting code, 390 and 9
    at its end. Files j and k (nineteenth session), codes written in full in forms a careless reader misses (the north;
    the south, the Central Highlands and the central agencies): 54 of 59 read and 2 extra on arrival. The whole
    battery: 455 of 473 read and 8 extra at the session's end; 458 and 7 at the forty-fifth session's end. File l
    (fiftieth session), the Government's and the Prime Minister's documents in old and new forms: 44 of 55 read and 1
    extra on arrival, 51 and none after; the whole battery 509 of 528 read and 7 extra."""
    cases = load_labels(ROOT / "tests" / "fixtures" / "ingest" / "battery_documents.yaml")["cases"]
    right = extra = missed = 0
    for case in cases:
        got, want = set(codes(nfc(case["sentence"]))), set(case["codes"])
        right, extra, missed = right + len(got & want), extra + len(got - want), missed + len(want - got)
    assert len(cases) == 532 and right + missed == 528
    assert right / (right + extra) >= 0.95 and right / (right + missed) >= 0.94, (right, extra, missed)


def test_the_events_battery_reads_as_its_labellers_did():
    """Real openings of 647 pages outside the repository with their stamps (tests/fixtures/ingest/battery_events.yaml,
    tuning material): files a-l (seventeenth session) 256 of their 290 event dates read and 32 extra before that
    session's changes to dates, 268 and 14 after; files m-p (eighteenth session) 24 of 29 and 5 extra on arrival. The
    whole battery: 292 of 319 read and 19 extra with the eighteenth session's starting code, 300 and 16 at its end;
    302 and 16 at the nineteenth session's end."""
    cases = load_labels(ROOT / "tests" / "fixtures" / "ingest" / "battery_events.yaml")["cases"]
    right = extra = missed = 0
    for case in cases:
        got = event_keys(draft_of(nfc(case["text"]), published=case["published"]))
        want = set(case["events"])
        right, extra, missed = right + len(got & want), extra + len(got - want), missed + len(want - got)
    assert len(cases) == 647 and right + missed == 319
    assert right / (right + extra) >= 0.94 and right / (right + missed) >= 0.92, (right, extra, missed)


def test_a_campaigns_launch_keeps_its_day_beside_the_campaigns_weeks():
    """Fresh text vj12: "Sáng 10-1, Đoàn phường Long Trường tổ chức ra quân chiến dịch …" then "Chiến dịch diễn ra từ
    28-12-2025 đến 16-2-2026": the launch and the campaign are two events (the launch was lost: its organiser was
    not read)."""
    text = (
        "Sáng 10-1, Đoàn phường Long Trường tổ chức ra quân chiến dịch Xuân tình nguyện lần thứ 18 năm 2026.\n\n"
        "Chiến dịch diễn ra từ 28-12-2025 đến 16-2-2026, tập trung vào 4 nội dung.\n"
    )
    draft = extract_text(text, None, published="2026-01-10")
    assert event_keys(draft) == {"2026-01-10", "2025-12-28..2026-02-16"}


def test_a_yearless_day_takes_the_year_of_a_span_ending_near_it():
    """Events battery, file i: "Ngày 15/9, Hội Cựu chiến binh tỉnh Hải Dương tổ chức trao giải cuộc thi …" then "Cuộc
    thi được phát động từ ngày 17/1/2022 đến ngày 30/8/2022": the prize-giving is two weeks after the span's end (only
    its first day was compared, eight months away, and the day was left without a year)."""
    text = (
        "Hải Dương: Gần 137 nghìn bài dự thi tìm hiểu truyền thống Hội Cựu chiến binh Việt Nam\nNDO - Ngày 15/9, Hội "
        "Cựu chiến binh tỉnh Hải Dương tổ chức trao giải cuộc thi tìm hiểu truyền thống. Cuộc thi được phát động từ "
        "ngày 17/1/2022 đến ngày 30/8/2022, ban tổ chức đã nhận được gần 137 nghìn bài dự thi.\n"
    )
    assert "2022-09-15" in event_keys(draft_of(text))


def test_a_documents_date_after_its_issuer_is_no_gathering():
    """Events battery, file g: "Thực hiện Hướng dẫn số 04/HD-MTTQ-BTT của Ban Thường trực Ủy ban Mặt trận Tổ quốc
    Việt Nam Quận 5 ngày 02/3/2022 về việc …" dates the guidance, not a gathering; after a comma the day is the
    sentence's own."""
    hit = find_documents(
        "Thực hiện Hướng dẫn số 04/HD-MTTQ-BTT của Ban Thường trực Ủy ban Mặt trận Tổ quốc Việt Nam Quận 5 ngày "
        "02/3/2022 về việc tổ chức Hội nghị nhân dân."
    )[0]
    assert (hit.code, hit.date) == ("04/HD-MTTQ-BTT", "2022-03-02")
    hit = find_documents("Thực hiện Kế hoạch số 45/KH-UBND của UBND huyện, ngày 15/3/2024, Ban Dân vận tổ chức")[0]
    assert (hit.code, hit.date) == ("45/KH-UBND", None)
    text = (
        "PHƯỜNG 4 TỔ CHỨC HỘI NGHỊ NHÂN DÂN THÁNG 4 NĂM 2022\nThực hiện Hướng dẫn số 04/HD-MTTQ-BTT của Ban Thường "
        "trực Ủy ban Mặt trận Tổ quốc Việt Nam Quận 5 ngày 02/3/2022 về việc Hướng dẫn tổ chức Hội nghị nhân dân cấp "
        "Phường năm 2022.\nTối ngày 21/4/2022, Ban Thường trực Ủy ban Mặt trận Tổ quốc phường 4 phối hợp cùng UBND "
        "phường tổ chức Hội nghị nhân dân tháng 4/2022.\n"
    )
    assert event_keys(draft_of(text)) == {"2022-04-21"}


def test_a_documents_bracketed_date_is_no_gathering():
    """qrr01: "căn cứ QĐ số 134/QĐ- MTTQ – BTT (ngày 26/8/2015) của Ban Thường trực" dates the decision in brackets;
    p1521 brackets it after the issuer ("Chỉ thị số 05-CT/TW của Ban Bí thư (ngày 23/6/2021)")."""
    text = (
        "18:28:00 21/10/2015\n\nTriển khai giám sát cán bộ tại khu dân cư\n\nNgày 21/10, Ủy ban MTTQ TP Đà Nẵng tổ "
        "chức hội nghị triển khai kế hoạch giám sát năm 2015.\n\nTheo ông Nguyễn Đăng Hải, Phó Chủ tịch Ủy ban MTTQ "
        "TP Đà Nẵng, việc triển khai giám sát được thực hiện căn cứ QĐ số 134/QĐ- MTTQ – BTT (ngày 26/8/2015) của Ban "
        "Thường trực Ủy ban MTTQ TP Đà Nẵng.\n"
    )
    assert [(h.code, h.date) for h in find_documents(text)] == [("134/QĐ-MTTQ-BTT", "2015-08-26")]
    assert event_keys(draft_of(text)) == {"2015-10-21"}
    hit = find_documents("Thực hiện Chỉ thị số 05-CT/TW của Ban Bí thư (ngày 23/6/2021) “Về tăng cường”")[0]
    assert (hit.code, hit.date) == ("05-CT/TW", "2021-06-23")


def test_a_resolutions_date_after_its_plenum_and_term_is_no_gathering():
    """d202: "Nghị quyết số 26-NQ/TW Hội nghị lần thứ bảy của Ban Chấp hành T.Ư Đảng (khóa X) ngày 5-8-2008" dates the
    resolution past the plenum that issued it (no "của" before it, a dot in "T.Ư") and the term in brackets."""
    text = (
        "LTS - Để góp phần chuẩn bị cho việc tổng kết năm năm thực hiện Nghị quyết số 26-NQ/TW Hội nghị lần thứ bảy "
        'của Ban Chấp hành T.Ư Đảng (khóa X) ngày 5-8-2008 "Về nông nghiệp, nông dân, nông thôn", Hội Nông dân Việt '
        "Nam tổ chức cuộc thi viết.\n"
    )
    hit = find_documents(text)[0]
    assert (hit.code, hit.date) == ("26-NQ/TW", "2008-08-05")
    assert event_keys(draft_of(text)) == set()
    # a body that is no plenum, without "của", is the sentence's own: the day is the conference's
    held = "Thực hiện Kế hoạch số 12-KH/HU Ban Dân vận huyện tổ chức hội nghị ngày 5/3/2020.\n"
    assert find_documents(held)[0].date is None
    assert event_keys(draft_of(held)) == {"2020-03-05"}


def test_last_years_review_reported_in_january_is_dated_by_the_page():
    """b112: "… tổ chức hội nghị tổng kết công tác hội … năm 2024" with no day of its own, in a page of 19/01/2025, is
    held on the page's day; the same review in a page of June is not dated by the page."""
    body = (
        "Hội chữ thập đỏ tỉnh triển khai nhiệm vụ 2025\n\n{stamp}\n\nLamdongtv.vn - Hội chữ thập đỏ Lâm Đồng tổ chức "
        "hội nghị tổng kết công tác hội, phong trào chữ thập đỏ năm 2024 và sơ kết ban chấp hành hội giữa nhiệm kỳ "
        "2021- 2026. Hội chữ thập đỏ Lâm Đồng hiện có trên 68.700 hội viên.\n"
    )
    assert event_keys(draft_of(body.format(stamp="Chủ nhật, 19/01/2025 - 07:26"))) == {"2025-01-19"}
    assert event_keys(draft_of(body.format(stamp="Chủ nhật, 15/06/2025 - 07:26"))) == set()


def test_a_longevity_celebration_held_is_a_gathering():
    """Events battery, file j: "Cửa Lò: Tổ chức mừng thọ cho các cụ cao niên" over a page of 06/02/2014 with no day of
    its own is dated by the page, as other gatherings are."""
    text = (
        "Cửa Lò: Tổ chức mừng thọ cho các cụ cao niên\nĐăng ngày 06/02/2014\nTại phường Nghi Tân, 119 cụ tròn tuổi từ "
        "70 trở lên được lãnh đạo đảng ủy, chính quyền và Hội người cao tuổi phường chúc thọ, tặng quà đầu năm.\n"
    )
    assert event_keys(draft_of(text)) == {"2014-02-06"}


def test_signing_a_coordination_programme_is_a_gathering():
    """Events battery, file j: "Sáng 16.4, Hội ND Thanh Hóa và Sở NNPTNT tỉnh đã ký kết chương trình phối hợp …" is
    the day of a signing ceremony; no event word was read in it."""
    text = (
        "Thanh Hóa: Phối hợp hỗ trợ nông dân phát triển sản xuất\n17/04/2012 05:06 GMT+7\n(Dân Việt) - Sáng 16.4, Hội "
        "ND Thanh Hóa và Sở NNPTNT tỉnh đã ký kết chương trình phối hợp về việc hỗ trợ nông dân phát triển nông nghiệp "
        "và xây dựng nông thôn mới giai đoạn 2012-2020.\n"
    )
    assert event_keys(draft_of(text, published="2012-04-17")) == {"2012-04-16"}


def test_the_pages_own_month_beside_a_day_is_no_gathering_unless_still_to_come():
    """Tuning text p1075 (a page of 25/5/2017): "trong Tháng Công nhân (tháng 5-2017), Liên đoàn Lao động tỉnh đã
    tiến hành trao 31 căn nhà" tallies the month beside the handover of the 24th; it was kept as May's event because
    a month not yet over was taken for one to come. A month the text plans ("sẽ") still counts, unless it dates a day
    of it (tuning ec01: "“Tết sum vầy 2019” sẽ diễn ra vào cuối tháng 1/2019" over "LĐLĐ Thành phố dự kiến sẽ tổ chức
    chương trình “Tết sum vầy 2019” vào ngày 26/1/2019")."""
    text = (
        "Liên đoàn Lao động tỉnh trao Mái ấm Công đoàn\n\nNgày 24-5, Liên đoàn Lao động tỉnh trao hai Mái ấm Công "
        "đoàn cho các công đoàn viên gặp khó khăn về nhà ở.\n\nĐược biết, trong Tháng Công nhân (tháng 5-2017), Liên "
        "đoàn Lao động tỉnh đã tiến hành trao 31 căn nhà Mái ấm Công đoàn.\n"
    )
    assert event_keys(draft_of(text, published="2017-05-25")) == {"2017-05-24"}
    planned = text.replace("đã tiến hành trao 31", "sẽ tiến hành trao thêm 31")
    assert event_keys(draft_of(planned.replace("Ngày 24-5", "Ngày 28-4"), published="2017-05-02")) == {
        "2017-04-28",
        "2017-05",
    }
    assert event_keys(draft_of(planned, published="2017-05-25")) == {"2017-05-24"}


def test_a_headlines_document_is_not_dated_by_the_ledes_day():
    """Seen in a curator's walk-through: under the headline "Cao Bằng tổng kết Nghị quyết 25", the lede's "Ngày
    15/12/2023, …" was read as the resolution's date, and the conference lost its day."""
    text = (
        "Cao Bằng tổng kết Nghị quyết 25\n\nNgày 15/12/2023, Ban Dân vận Tỉnh ủy Cao Bằng tổ chức hội nghị tổng kết 10 "
        "năm thực hiện Nghị quyết số 25-NQ/TW của Ban Chấp hành Trung ương Đảng.\n"
    )
    assert [(h.code, h.date) for h in find_documents(text)][:1] == [("25-NQ/TW", None)]
    assert event_keys(extract_text(text, None)) == {"2023-12-15"}
    # on its own line a document's date still follows it
    assert find_documents("Nghị quyết số 25-NQ/TW, ngày 3/6/2013 của Ban Chấp hành Trung ương")[0].date == "2013-06-03"


def test_the_moment_figures_are_counted_to_is_no_gathering():
    """Fresh text vm10: "tính đến thời điểm ngày 13/3, tỉnh Thái Bình dẫn đầu kiểm tra học tập Nghị quyết …" counts
    the entries of an online quiz to a day; it was read as an inspection on 13/3."""
    text = (
        "Thái Bình dẫn đầu học tập Nghị quyết\n\nTheo thống kê trên App kiểm tra nghị quyết, tính đến thời điểm ngày "
        "13/3, tỉnh Thái Bình dẫn đầu kiểm tra học tập Nghị quyết Đại hội Đoàn toàn quốc lần thứ XII.\n\n"
        "Ngày 8/3/2023, Tỉnh Đoàn Thái Bình tổ chức phát động hưởng ứng kiểm tra học tập Nghị quyết.\n"
    )
    assert event_keys(extract_text(text, None, published="2023-03")) == {"2023-03-08"}


def test_a_leader_named_in_another_paragraph_is_said_to_be_so():
    """A curator's walk-through: the year-end conference took the inspection's head, named a paragraph earlier,
    as its chair without a word on the card."""
    text = (
        "Ban Dân vận Tỉnh ủy Cao Bằng tổng kết năm 2023\n\n"
        "Ngày 20/6/2023, đoàn kiểm tra của Ban Dân vận Tỉnh ủy do đồng chí Nguyễn Văn Thử, Trưởng Ban Dân vận Tỉnh ủy "
        "làm trưởng đoàn đã kiểm tra tại huyện Hòa An.\n\n"
        "Ngày 15/12/2023, Ban Dân vận Tỉnh ủy tổ chức hội nghị tổng kết công tác dân vận năm 2023.\n"
    )
    visits = {v.date_start: v for v in extract_text(text, None).visits}
    assert visits["2023-06-20"].leader_name == "Nguyễn Văn Thử" and not any(
        "đoạn khác" in n for n in visits["2023-06-20"].notes
    )
    conference = visits["2023-12-15"]
    assert conference.leader_name == "Nguyễn Văn Thử"
    assert (
        "Trưởng đoàn / chủ trì “Nguyễn Văn Thử” lấy theo chức danh nêu ở đoạn khác của bài, không phải đoạn của sự "
        "kiện này: người nhập kiểm tra." in conference.notes
    )


def test_a_deadline_set_by_a_named_day_dates_no_gathering():
    """Fresh text vr02: "Dự kiến Đại hội phụ nữ cấp cơ sở sẽ hoàn thành trước ngày Sinh nhật Bác (19/5)." is a
    deadline; it pushed aside the month the point congress was held ("Trong tháng 2/2006, … Đại hội phụ nữ điểm")."""
    text = (
        "Đại hội phụ nữ cơ sở\n\nTrong tháng 2/2006, Hội LHPN tỉnh đã tổ chức thành công Đại hội phụ nữ điểm cơ sở tại "
        "xã Nam Sơn.\n\nDự kiến Đại hội phụ nữ cấp cơ sở sẽ hoàn thành trước ngày Sinh nhật Bác (19/5).\n"
    )
    assert event_keys(extract_text(text, None, published="2006-04-11")) == {"2006-02"}


@pytest.mark.parametrize(
    ("text", "published", "events"),
    [
        (
            "Họp báo Đại hội Đoàn các cấp\n\nTỉnh Đoàn Hải Dương vừa tổ chức họp báo về Đại hội Đoàn các cấp, tiến tới "
            "Đại hội Đoàn TNCS Hồ Chí Minh tỉnh Hải Dương lần thứ XIV, nhiệm kỳ 2022-2027.\n\n"
            "Đại hội điểm cấp huyện sẽ tổ chức trước ngày 10/4, đơn vị được chọn làm điểm là Đoàn thanh niên TP Hải "
            "Dương.\n",
            "2022-01-06",
            {"2022-01-06"},
        ),
        (
            "Hội LHTN tỉnh xây dựng kế hoạch Đại hội Hội các cấp\n\nChiều 25-8, Hội Liên hiệp Thanh niên Việt Nam tỉnh "
            "Gia Lai tổ chức hội nghị Ủy ban Hội lần thứ 10.\n\nTheo kế hoạch, Đại hội cấp tỉnh diễn ra không quá 2 "
            "ngày, hoàn thành chậm nhất ngày 15-10-2024. Căn nhà dự kiến sẽ hoàn thành vào ngày 22/12/2024. Các xã báo "
            "cáo kết quả về Hội chậm nhất vào ngày 9/11/2024.\n",
            "2024-08-26",
            {"2024-08-25"},
        ),
    ],
)
def test_a_day_something_must_happen_before_dates_no_gathering(text, published, events):
    """Tuning sv06 and p1518: "sẽ tổ chức trước ngày 10/4", "hoàn thành tất cả các hoạt động thăm hỏi và tặng quà
    trước ngày 10/2/2026" set deadlines; nothing happens on the day named. Nor on a day work is to be done by
    (tg03, jo14, qsg04): "dự kiến sẽ hoàn thành vào ngày 22/12/2021", "hoàn thành chậm nhất ngày 15-10-2024"."""
    assert event_keys(extract_text(text, None, published=published)) == events


@pytest.mark.parametrize(
    ("text", "value", "indicator"),
    [
        # a curator's walk-through: "mô hình, điển hình" is one phrase, its verb after the pair ("new:mô hình" before)
        (
            "Năm 2023, toàn tỉnh Cao Bằng có 345 mô hình, điển hình “Dân vận khéo” được xây dựng, thực hiện; tỷ lệ hộ "
            "nghèo giảm còn 18,5%.",
            345,
            "dvk_models_built",
        ),
        # the name that explains "đạt hiệu quả", not the shorter one without it (tuning text p42)
        ("Năm 2023, toàn huyện có 201 mô hình, điển hình “Dân vận khéo” đạt hiệu quả.", 201, "dvk_models_effective"),
        # a list's next item after the comma stays apart
        ("Năm 2023, có 20 mô hình, 15 điển hình được công nhận.", 15, "dvk_models_recognized"),
    ],
)
def test_a_value_takes_the_indicator_its_whole_phrase_names(registry, text, value, indicator):
    indicators = load_indicators(ROOT / "data")
    drafted = extract_text(text, registry, indicators=indicators).observations
    assert [o.indicator for o in drafted if o.value == value] == [indicator]


def test_indicator_agreement_floor():
    """scripts/indicator_agreement.py on the curated values: 57 right, 6 another indicator, 40 new on the 40 sources
    (56, 6, 41 before "phần quà" read as "suất quà"; 46, 4, 40 on the first 13; was 42, 3, 45 there before the words
    just before a number counted as its own, "đăng ký 42 mô hình"; 39, 4, 47 before the phrase rules above). Of the
    three "other" the 27 later sources brought, Hội An's "501 mô hình … được đăng ký và đã công nhận 501 mô hình" is
    read right since the next number's verb is its own; left: "đề nghị … tặng Bằng khen cho 31 mô hình" (proposed for
    an award, read as built) and "xây dựng, nhân rộng được hơn 8.600 mô hình" (built, read as in place). A floor a
    little under, so that a change that confuses indicators is seen."""
    done = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "indicator_agreement.py")], capture_output=True, text=True, check=True
    )
    counts = dict(re.findall(r"(\w+) (\d+)", done.stdout.strip().splitlines()[-1]))
    assert int(counts["right"]) >= 56 and int(counts["other"]) <= 6, done.stdout


@pytest.mark.parametrize(
    ("url", "district"),
    [
        ("https://thuongtin.hanoi.gov.vn/tin-tuc/123", ("01", "Thường Tín")),
        ("https://xuyenmoc.baria-vungtau.gov.vn/x", ("77", "Xuyên Mộc")),
        ("http://chauthanh.kiengiang.gov.vn/a", ("91", "Châu Thành")),  # one Châu Thành in Kiên Giang
        ("https://mythanhgiongtrom.bentre.gov.vn/noi-dung/1272", ("83", "Giồng Trôm")),  # a commune's page
        ("https://doluong.gov.vn/x", ("40", "Đô Lương")),  # a district's own domain
        ("https://chauthanh.gov.vn/x", None),  # a name many provinces' districts bear
        ("https://baobackan.org.vn/x", None),  # a province's newspaper, not the city of Bắc Kạn
        ("https://bandanvan.travinh.gov.vn/x", None),  # a province's office
        ("https://baolamdong.vn/x", None),
        ("https://nhandan.vn/x", None),
    ],
)
def test_a_districts_portal_names_its_district(registry, url, district):
    found = outlet_district(url, registry)
    assert (found[:2] if found else None) == district


def test_a_visit_on_a_districts_portal_is_in_its_district_and_says_so(registry):
    """Curating p43 (thuongtin.hanoi.gov.vn): "Huyện ủy" with no district, typed in by hand as Thường Tín."""
    text = "Ngày 28/8/2018, đoàn kiểm tra của Huyện ủy đã làm việc với Đảng ủy xã Hiền Giang về công tác dân vận."
    (visit,) = draft_of(text, registry, url="https://thuongtin.hanoi.gov.vn/tin-tuc/123").visits
    assert (visit.province, visit.district, visit.body) == ("01", "Thường Tín", "Huyện ủy")
    assert "Huyện Thường Tín theo địa chỉ trang “thuongtin.hanoi.gov.vn” (trang của huyện)" in " ".join(visit.notes)
    (elsewhere,) = draft_of(text, registry, url="https://hanoimoi.vn/tin-tuc/123").visits
    assert elsewhere.district is None
