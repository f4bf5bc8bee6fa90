"""The one translation table: every text the product shows, in Vietnamese first and English second.

One dict per screen (and one each for the app, the filter bar, shared words and value labels), merged into TEXTS;
a key may be defined once only. To add a text: put it in the dict of the screen that shows it."""

from __future__ import annotations

LANGS = ("vi", "en")  # Vietnamese first: the default everywhere
Texts = dict[str, tuple[str, str]]  # key → (Vietnamese, English)


# the app: navigation, banners, footer
APP: Texts = {
    "app_title": ("Công tác dân vận", "Mass mobilisation work"),
    "section_overview": ("Tổng hợp", "Summary"),
    "section_analysis": ("Phân tích", "Analysis"),
    "section_reference": ("Tra cứu", "Reference"),
    "page_overview": ("Tổng quan", "Overview"),
    "page_map": ("Bản đồ", "Map"),
    "page_timeline": ("Dòng thời gian", "Timeline"),
    "page_compare": ("So sánh", "Compare"),
    "page_profile": ("Hồ sơ tỉnh", "Province profile"),
    "page_documents": ("Văn bản", "Documents"),
    "page_sources": ("Nguồn", "Sources"),
    "page_data": ("Dữ liệu", "Data"),
    "data_stale": (
        "Dữ liệu vừa sửa có lỗi nên đang hiển thị bản hợp lệ gần nhất. Lỗi: {problems}",
        "The edited data has errors, so the last valid version is shown. Errors: {problems}",
    ),
    "data_invalid": (
        "Dữ liệu không hợp lệ; hãy sửa các lỗi sau rồi tải lại trang.",
        "The data is not valid; fix these problems and reload.",
    ),
    "generated_banner": (
        "DỮ LIỆU SINH TỰ ĐỘNG ĐỂ ĐO HIỆU NĂNG — KHÔNG PHẢI SỐ LIỆU THẬT",
        "GENERATED BENCHMARK DATA — NOT REAL FIGURES",
    ),
    "footer": (
        "Nguồn: {n} tin bài công khai, trích nguyên văn. Ranh giới: Natural Earth (public domain). Phiên bản dữ liệu "
        "{version}.",
        "Sources: {n} public news articles, quoted verbatim. Boundaries: Natural Earth (public domain). Data version "
        "{version}.",
    ),
    "empty": (
        "Không có dữ liệu cho bộ lọc đang chọn ({filter}). Hãy mở rộng năm hoặc bỏ chọn tỉnh.",
        "No data for the current filter ({filter}). Widen the years or clear the provinces.",
    ),
    "page_curate": ("Nhập liệu", "Curation"),
    "page_present": ("Trình chiếu", "Presentation"),
    "bad_page": (
        "Không có trang “{value}”; đang hiển thị trang Tổng quan.",
        "There is no page “{value}”; showing the overview.",
    ),
}


# the filter bar in the sidebar, and what a shared link could not show
FILTER_BAR: Texts = {
    "filter_title": ("Bộ lọc", "Filters"),
    "filter_provinces": ("Tỉnh, thành phố", "Provinces"),
    "filter_provinces_help": ("Để trống để xem tất cả", "Leave empty for all"),
    "filter_all_provinces": ("Tất cả tỉnh, thành phố", "All provinces"),
    "filter_years": ("Năm", "Years"),
    "filter_scheme": ("Ranh giới", "Boundaries"),
    "scheme_63": ("63 tỉnh (trước 1/7/2025)", "63 units (before 1/7/2025)"),
    "scheme_34": ("34 tỉnh (từ 1/7/2025)", "34 units (from 1/7/2025)"),
    "filter_lang": ("Ngôn ngữ", "Language"),
    "lang_vi": ("Tiếng Việt", "Vietnamese"),
    "lang_en": ("English", "English"),
    "link_note": (
        "Đường dẫn trên thanh địa chỉ mở lại đúng khung nhìn này.",
        "The address bar link reopens exactly this view.",
    ),
    "bad_province": ("Không có tỉnh mã “{value}”; đã bỏ qua.", "No province with code “{value}”; ignored."),
    "bad_years": (
        "Năm “{value}” không hợp lệ; hiển thị {start}–{end}.",
        "Invalid years “{value}”; showing {start}–{end}.",
    ),
    "bad_scheme": (
        "Ranh giới “{value}” không hợp lệ; dùng {scheme} tỉnh.",
        "Invalid boundaries “{value}”; using {scheme}.",
    ),
    "bad_lang": ("Ngôn ngữ “{value}” không hợp lệ; dùng tiếng Việt.", "Invalid language “{value}”; using Vietnamese."),
    "bad_param": ("Tham số “{value}” không được hỗ trợ; đã bỏ qua.", "Parameter “{value}” is not supported; ignored."),
    "present_start": ("Trình chiếu", "Present"),
    "present_start_help": (
        "Mở bộ lọc đang chọn thành các trang trình chiếu toàn màn hình (chữ lớn, không thanh bên).",
        "Turn the current filter into full-screen slides (large type, no sidebar).",
    ),
}


# words and column headers every screen and export uses
WORDS: Texts = {
    "visits": ("Sự kiện", "Events"),
    "provinces_visited": ("Tỉnh có sự kiện", "Provinces with events"),
    "documents": ("Văn bản được nhắc tới", "Documents referenced"),
    "observations": ("Số liệu chỉ tiêu", "Indicator values"),
    "sources": ("Nguồn tin", "Sources"),
    "source": ("Nguồn", "Source"),
    "quote": ("Trích nguyên văn", "Verbatim quote"),
    "date": ("Ngày", "Date"),
    "period": ("Kỳ", "Period"),
    "level": ("Cấp", "Level"),
    "kind": ("Loại", "Kind"),
    "body": ("Cơ quan", "Body"),
    "leader": ("Trưởng đoàn / chủ trì", "Leader"),
    "host": ("Nơi đến", "Host"),
    "province": ("Tỉnh", "Province"),
    "district": ("Huyện", "District"),
    "commune": ("Xã", "Commune"),
    "indicator": ("Chỉ tiêu", "Indicator"),
    "value": ("Giá trị", "Value"),
    "status": ("Tình trạng", "Status"),
    "breakdown": ("Phân tổ", "Breakdown"),
    "summary": ("Tóm tắt", "Summary"),
    "title": ("Tiêu đề", "Title"),
    "publisher": ("Cơ quan đăng", "Publisher"),
    "published": ("Ngày đăng", "Published"),
    "author": ("Tác giả", "Author"),
    "link": ("Đường dẫn", "Link"),
    "issuer": ("Cơ quan ban hành", "Issuer"),
    "inferred": ("suy ra", "inferred"),
    "none": ("không có", "none"),
    "merged_into": ("sáp nhập vào {name} từ 1/7/2025", "merged into {name} from 1/7/2025"),
    "merged_from": ("hợp nhất từ {names}", "merged from {names}"),
    "documents_short": ("Văn bản", "Documents"),
    "unchanged": (
        "giữ nguyên khi sắp xếp đơn vị hành chính ngày 1/7/2025",
        "unchanged by the reorganisation of 1/7/2025",
    ),
    "numerator": ("Tử số", "Numerator"),
    "denominator": ("Mẫu số", "Denominator"),
    "formerly": ("{new} (trước đây: {old})", "{new} (formerly {old})"),
    "period_from": ("từ", "from"),
    "period_to": ("đến", "to"),
    "unit": ("Đơn vị", "Unit"),
    "period_until": ("đến {date}", "to {date}"),
}


# labels of the data's coded values (kinds, levels, statuses, units, document types, categories) and of the
# reasons values are not comparable
LABELS: Texts = {
    "kind_khao_sat": ("Khảo sát", "Survey"),
    "kind_kiem_tra": ("Kiểm tra", "Inspection"),
    "kind_giam_sat": ("Giám sát", "Supervision"),
    "kind_lam_viec": ("Làm việc", "Working visit"),
    "kind_hoi_nghi": ("Hội nghị tổng kết, sơ kết", "Summing-up conference"),
    "level_central": ("Trung ương", "Central"),
    "level_province": ("Cấp tỉnh", "Provincial"),
    "level_district": ("Cấp huyện", "District"),
    "level_commune": ("Cấp xã", "Commune"),
    "status_reported": ("Đã đạt", "Reported"),
    "status_estimated": ("Dự ước", "Estimated"),
    "status_target": ("Chỉ tiêu", "Target"),
    "finding_result": ("Kết quả", "Results"),
    "finding_limitation": ("Hạn chế", "Limitations"),
    "finding_direction": ("Chỉ đạo, kiến nghị", "Directions and recommendations"),
    "unit_count": ("số lượng", "count"),
    "unit_percent": ("%", "%"),
    "unit_average": ("bình quân", "average"),
    "unit_vnd": ("tỷ đồng", "billion VND"),
    "reason_periods": ("khác kỳ số liệu", "different periods"),
    "reason_levels": ("khác cấp (tỉnh, huyện, xã)", "different levels (province, district, commune)"),
    "reason_statuses": ("lẫn số đã đạt với số dự ước hoặc chỉ tiêu", "reported mixed with estimates or targets"),
    "reason_breakdowns": ("lẫn tổng số với số phân tổ", "totals mixed with breakdowns"),
    "doc_type_nghi_quyet": ("Nghị quyết", "Resolution"),
    "doc_type_ket_luan": ("Kết luận", "Conclusion"),
    "doc_type_quyet_dinh": ("Quyết định", "Decision"),
    "doc_type_chi_thi": ("Chỉ thị", "Directive"),
    "doc_type_quy_dinh": ("Quy định", "Regulation"),
    "doc_type_quy_che": ("Quy chế", "Rules"),
    "doc_type_huong_dan": ("Hướng dẫn", "Guidance"),
    "doc_type_cong_van": ("Công văn", "Official letter"),
    "doc_type_ke_hoach": ("Kế hoạch", "Plan"),
    "category_dan_van_kheo": ("Phong trào thi đua “Dân vận khéo”", "The “Skilful mass mobilisation” movement"),
    "category_chinh_quyen": ("Xây dựng “Chính quyền thân thiện”", "“Friendly government”"),
    "category_hanh_chinh": ("Cải cách thủ tục hành chính", "Administrative procedures"),
    "category_khieu_nai": ("Tiếp nhận, giải quyết đơn thư", "Complaints and petitions"),
    "category_nong_thon_moi": ("Xây dựng nông thôn mới", "New rural areas"),
    "category_ocop": ("Sản phẩm OCOP", "OCOP products"),
    "category_an_sinh": ("An sinh xã hội", "Social welfare"),
    "category_khen_thuong": ("Khen thưởng", "Awards"),
    "category_van_ban": ("Văn bản lãnh đạo, chỉ đạo", "Documents issued"),
}


# Tổng quan (pages/overview.py)
OVERVIEW: Texts = {
    "latest_visits": ("Sự kiện gần nhất", "Latest events"),
    "highlights": ("Chỉ tiêu nổi bật", "Indicator highlights"),
    "whats_new": ("Mới cập nhật", "Recently added"),
    "whats_new_row": (
        "{title} — {visits} sự kiện, {observations} số liệu",
        "{title} — {visits} events, {observations} values",
    ),
}


# Bản đồ (pages/ban-do.py)
MAP: Texts = {
    "map_color_by": ("Tô màu theo", "Colour by"),
    "map_by_visits": ("Số sự kiện", "Number of events"),
    "map_by_indicator": ("Chỉ tiêu", "Indicator"),
    "map_indicator": ("Chỉ tiêu tô màu", "Indicator shown"),
    "map_no_indicator": (
        "Không có chỉ tiêu cấp tỉnh nào có số liệu cho bộ lọc này; bản đồ tô theo số sự kiện.",
        "No province-level indicator has data for this filter; the map shows numbers of events.",
    ),
    "map_no_data": ("Không có số liệu", "No data"),
    "map_legend": ("Chú giải", "Legend"),
    "map_period": ("Kỳ số liệu: {period}", "Period: {period}"),
    "map_periods_differ": (
        "Các tỉnh có kỳ số liệu khác nhau — xem kỳ của từng tỉnh khi rê chuột.",
        "Provinces have different periods — hover to see each one's period.",
    ),
    "map_arcs": (
        "Cung: đoàn Trung ương đi từ Hà Nội; chấm: nơi có sự kiện (màu theo cấp).",
        "Arcs: central delegations from Hanoi; dots: event hosts (colour by level).",
    ),
    "map_islands": (
        "Quần đảo Hoàng Sa (thành phố Đà Nẵng) và quần đảo Trường Sa (tỉnh Khánh Hòa) là một phần lãnh thổ Việt Nam.",
        "The Hoang Sa (Paracel) archipelago (Da Nang) and Truong Sa (Spratly) archipelago (Khanh Hoa) are part of "
        "Viet Nam.",
    ),
    "map_credit": (
        "Ranh giới: Natural Earth (public domain), đã hiệu chỉnh; đường bờ biển và một số ranh giới chỉ gần đúng.",
        "Boundaries: Natural Earth (public domain), corrected; coasts and some borders are approximate.",
    ),
    "map_click": ("Bấm vào một tỉnh trên bản đồ để mở hồ sơ.", "Click a province on the map to open its profile."),
    "map_open_profile": ("Mở hồ sơ {name}", "Open the profile of {name}"),
    "map_events_of": ("{n} sự kiện", "{n} events"),
    "map_merged_note": ("Số liệu cộng từ: {parts}", "Summed from: {parts}"),
}


# Dòng thời gian (pages/dong-thoi-gian.py)
TIMELINE: Texts = {
    "no_findings": ("Bài viết không nêu nhận định cụ thể.", "The article states no specific findings."),
    "timeline_pick": ("Chọn một sự kiện để xem chi tiết", "Pick an event to see its details"),
    "timeline_hint": (
        "Bấm vào một điểm trên biểu đồ hoặc chọn trong danh sách.",
        "Click a point on the chart or pick from the list.",
    ),
    "timeline_milestones": (
        "Đường chấm: ngày ban hành văn bản được nhắc tới.",
        "Dotted lines: issue dates of the documents referenced.",
    ),
    "timeline_outside": (
        "Văn bản ban hành ngoài khoảng năm đang xem: {docs}.",
        "Documents issued outside the years shown: {docs}.",
    ),
    "timeline_buckets": (
        "Mỗi điểm gộp các sự kiện cùng tháng, cùng cấp và loại; danh sách chọn có {n} sự kiện mới nhất.",
        "Each point gathers a month's events of one level and kind; the list offers the {n} newest.",
    ),
}


# So sánh (pages/so-sanh.py)
COMPARE: Texts = {
    "compare_indicator": ("Chỉ tiêu so sánh", "Indicator to compare"),
    "compare_per_year": ("Chia theo năm (giá trị nhiều năm ÷ số năm)", "Per year (multi-year value ÷ years)"),
    "compare_per_year_help": (
        "Chỉ áp dụng cho số lượng cộng dồn được; tỷ lệ và số bình quân giữ nguyên.",
        "Only for summable counts; percentages and averages are unchanged.",
    ),
    "compare_not_comparable": (
        "Lưu ý: các giá trị này không hoàn toàn so sánh được — {reasons}.",
        "Caution: these values are not directly comparable — {reasons}.",
    ),
    "compare_disagree": (
        "Tỷ lệ ghi trong nguồn khác tỷ lệ tính từ tử số/mẫu số:",
        "Stated percentage differs from numerator/denominator:",
    ),
    "compare_disagree_row": (
        "{place}: nguồn ghi {stated}, tính được {computed} ({num}/{den})",
        "{place}: source states {stated}, computed {computed} ({num}/{den})",
    ),
    "compare_table": ("Bảng số liệu và trích dẫn", "Values and quotes"),
    "per_year_suffix": ("/năm", "/year"),
    "computed": ("Tính từ tử/mẫu", "Computed"),
    "compare_breakdowns": ("Gồm số phân tổ", "Include breakdowns"),
    "compare_breakdowns_help": (
        "Hiện cả các phần (theo lĩnh vực, tập thể/cá nhân...) bên cạnh tổng số.",
        "Show the parts (by field, collective/individual...) next to the totals.",
    ),
    "compare_chart_subset": (
        "Biểu đồ: {n} giá trị, kỳ gần nhất, cấp cao nhất; bảng dưới đây có đủ {m} giá trị.",
        "Chart: {n} values of the latest period at the highest level; the table has all {m}.",
    ),
}


# Hồ sơ tỉnh (pages/ho-so-tinh.py)
PROFILE: Texts = {
    "profile_pick": ("Chọn tỉnh, thành phố", "Choose a province"),
    "profile_region": ("Vùng", "Region"),
    "profile_visits": ("Sự kiện, đoàn công tác", "Events and visits"),
    "profile_indicators": ("Chỉ tiêu và nguồn", "Indicators and sources"),
    "profile_documents": ("Văn bản đã triển khai, được nhắc tới", "Documents implemented or referenced"),
    "profile_location": ("Vị trí", "Location"),
    "profile_no_visits": ("Không có sự kiện nào trong các năm đang xem.", "No events in the years shown."),
    "profile_no_indicators": (
        "Không có số liệu chỉ tiêu nào trong các năm đang xem.",
        "No indicator values in the years shown.",
    ),
    "profile_no_documents": ("Không có văn bản nào được nhắc tới.", "No documents referenced."),
    "profile_print": (
        "Dùng lệnh In của trình duyệt (Ctrl+P) để in hồ sơ này; thanh bên được ẩn khi in.",
        "Use the browser's Print (Ctrl+P); the sidebar is hidden when printing.",
    ),
    "profile_from": (
        "Số liệu cấp huyện, xã được ghi kèm tên địa bàn.",
        "District and commune values name their place.",
    ),
    "profile_newest_visits": (
        "{n} sự kiện mới nhất trong {m}; xem đủ ở trang Dòng thời gian và Dữ liệu.",
        "The {n} newest of {m} events; the Timeline and Data pages list them all.",
    ),
    "profile_latest_values": (
        "{n} giá trị mới nhất trong {m}; xem đủ ở trang Dữ liệu.",
        "The {n} latest of {m} values; the Data page lists them all.",
    ),
}


# Văn bản (pages/van-ban.py)
DOCUMENTS: Texts = {
    "doc_level": ("Cấp ban hành", "Issuing level"),
    "doc_visits": ("Sự kiện nhắc tới", "Events referencing it"),
    "doc_sources": ("Nguồn nhắc tới", "Sources mentioning it"),
    "doc_count": ("{n} văn bản", "{n} documents"),
    "doc_search": ("Tìm theo số hiệu hoặc tên", "Search by code or title"),
    "doc_more_visits": (
        "… và {n} sự kiện khác (trang Dữ liệu có đủ).",
        "… and {n} more events (the Data page lists them all).",
    ),
}


# Nguồn (pages/nguon.py)
SOURCES: Texts = {
    "src_pick": ("Chọn nguồn để xem toàn văn và những gì đã trích", "Choose a source to read it and what was curated"),
    "src_curated": (
        "Đã trích: {visits} sự kiện, {findings} nhận định, {observations} số liệu, {documents} văn bản",
        "Curated: {visits} events, {findings} findings, {observations} values, {documents} documents",
    ),
    "src_text": ("Toàn văn lưu trữ (phần tô màu là đoạn đã trích)", "Stored text (highlighted: quoted passages)"),
    "src_notes": ("Ghi chú của người biên soạn", "Curator's notes"),
    "src_table": ("Danh sách nguồn", "All sources"),
}


# Dữ liệu (pages/du-lieu.py)
DATA: Texts = {
    "data_visits": ("Sự kiện", "Events"),
    "data_observations": ("Số liệu chỉ tiêu", "Indicator values"),
    "data_download_csv": ("Tải CSV", "Download CSV"),
    "data_download_xlsx": ("Tải Excel (kèm danh sách nguồn)", "Download Excel (with sources sheet)"),
    "data_rows": ("{n} dòng", "{n} rows"),
    "data_first_rows": (
        "Hiển thị {n} dòng đầu; tệp tải về có đủ {m} dòng.",
        "Showing the first {n} rows; the downloads have all {m}.",
    ),
}


# Nhập liệu (pages/nhap-lieu.py)
CURATION: Texts = {
    "cur_disabled": (
        "Trang nhập liệu chưa được bật. Để bật, đặt mật khẩu người biên soạn trong biến môi trường "
        "DANVAN_CURATOR_PASSWORD hoặc dòng curator_password = \"...\" trong .streamlit/secrets.toml, rồi khởi động lại "
        "ứng dụng.",
        "Curation is not enabled. To enable it, set a curator password in the environment variable "
        "DANVAN_CURATOR_PASSWORD or as curator_password = \"...\" in .streamlit/secrets.toml, then restart the app.",
    ),
    "cur_password": ("Mật khẩu người biên soạn", "Curator password"),
    "cur_login": ("Đăng nhập", "Sign in"),
    "cur_wrong": ("Mật khẩu không đúng.", "Wrong password."),
    "cur_logout": ("Đăng xuất", "Sign out"),
    "cur_only": ("Chỉ người biên soạn mới dùng được trang này.", "Only curators can use this page."),
    "cur_upload": (
        "Tải lên bài viết hoặc báo cáo (.txt UTF-8, Word .docx, PDF có chữ, Excel .xlsx, .csv; tối đa 1 MB)",
        "Upload an article or report (.txt UTF-8, Word .docx, PDF with text, Excel .xlsx, .csv; at most 1 MB)",
    ),
    "cur_paste": ("…hoặc dán nội dung bài viết", "…or paste the article"),
    "cur_published": ("Ngày đăng (YYYY-MM-DD), nếu bài không ghi", "Publication date (YYYY-MM-DD), if not in the text"),
    "cur_province": ("Tỉnh của nơi đăng bài, nếu bài không nêu", "Province of the outlet, if the text does not say"),
    "cur_extract": ("Trích xuất bản nháp", "Extract a draft"),
    "cur_too_big": ("Tệp quá lớn ({size} byte); tối đa 1 MB.", "File too large ({size} bytes); at most 1 MB."),
    "cur_empty": ("Chưa có nội dung bài viết.", "No article text yet."),
    "cur_source": ("Nguồn", "Source"),
    "cur_source_id": ("Mã nguồn (tên tệp lưu trữ)", "Source id (stored file name)"),
    "cur_text": ("Bài viết (phần tô màu là đoạn bản nháp trích)", "Article (highlighted: what the draft quotes)"),
    "cur_observations": ("Số liệu trích được", "Values found"),
    "cur_visits": ("Sự kiện trích được", "Events found"),
    "cur_documents": ("Văn bản trích được", "Documents found"),
    "cur_keep": ("Lưu", "Keep"),
    "cur_confidence": ("Độ tin cậy", "Confidence"),
    "cur_save": ("Kiểm tra toàn bộ dữ liệu và lưu", "Validate everything and save"),
    "cur_saved": (
        "Đã lưu {files}. Bản trước được giữ tại {history}.",
        "Saved {files}. Previous versions kept in {history}.",
    ),
    "cur_failed": ("Chưa lưu gì: dữ liệu mới có {n} lỗi.", "Nothing was saved: the new data has {n} errors."),
    "cur_nothing": ("Không có mục nào được chọn để lưu.", "No item is selected to save."),
    "cur_notes": ("Ghi chú của bộ trích xuất", "Extractor notes"),
}


# Trình chiếu (pages/trinh-chieu.py), and the slides shared with the PowerPoint file and the HTML brief
PRESENTATION: Texts = {
    "present_prev": ("Trước", "Previous"),
    "present_next": ("Sau", "Next"),
    "present_exit": ("Thoát", "Exit"),
    "present_counter": ("Trang {n}/{total}", "Slide {n} of {total}"),
    "present_keys": ("Phím ← → để chuyển trang, Esc để thoát", "Keys ← → to move, Esc to exit"),
    "present_download": ("Tải về", "Download"),
    "present_pptx": ("PowerPoint (.pptx)", "PowerPoint (.pptx)"),
    "present_html": ("Bản tin HTML (mở không cần mạng)", "HTML brief (opens offline)"),
    "report_key_figures": ("Số liệu chính", "Key figures"),
    "report_period": ("Giai đoạn", "Period"),
    "report_made_on": ("Ngày lập", "Made on"),
    "report_version": ("Phiên bản dữ liệu", "Data version"),
    "report_filter": ("Bộ lọc", "Filter"),
    "report_map_title": ("Địa bàn có sự kiện", "Where the events took place"),
    "report_timeline_title": ("Sự kiện theo năm", "Events by year"),
    "report_documents": ("Văn bản được nhắc tới: {docs}", "Documents referenced: {docs}"),
    "report_more_documents": ("và {n} văn bản khác", "and {n} more"),
    "report_unit": ("Đơn vị: {unit}", "Unit: {unit}"),
    "report_other_indicators": ("Các chỉ tiêu khác", "Other indicators"),
    "report_more_values": (
        "Còn {n} giá trị khác không hiện ở đây — xem trang So sánh và Dữ liệu.",
        "{n} more values are not shown here — see the Compare and Data pages.",
    ),
    "report_who": ("Đoàn → nơi đến", "Delegation → host"),
    "report_more_visits": (
        "Còn {n} sự kiện khác — xem trang Dòng thời gian.",
        "{n} more events — see the Timeline page.",
    ),
    "report_findings_title": ("Nhận định của đoàn gần nhất", "Findings of the latest visit"),
    "report_more_findings": (
        "Còn {n} nhận định khác — xem trang Dòng thời gian.",
        "{n} more findings — see the Timeline page.",
    ),
    "report_sources_title": ("Nguồn số liệu", "Sources"),
    "report_sources_note": ("Nguồn: {sources}", "Sources: {sources}"),
    "report_more_sources": ("và {n} nguồn khác", "and {n} more"),
    "report_more_sources_rows": ("Còn {n} nguồn khác — xem trang Nguồn.", "{n} more sources — see the Sources page."),
    "report_sources_links": (
        "Đường dẫn và toàn văn của từng nguồn: trang Nguồn của ứng dụng và tệp Excel.",
        "Links and full texts of every source: the app's Sources page and the Excel file.",
    ),
    "report_no_source": ("Nguồn: —", "Sources: —"),
    "report_empty_title": ("Không có dữ liệu", "No data"),
}



# Hàng chờ duyệt (pages/hang-cho.py)
QUEUE: Texts = {
    "page_queue": ("Hàng chờ duyệt", "Review queue"),
    "q_sign_in": ("Hãy đăng nhập ở trang Nhập liệu trước.", "Sign in on the Curation page first."),
    "q_empty": (
        "Hàng chờ trống. Đưa tệp vào bằng lệnh: python -m danvan ingest THƯ_MỤC --queue",
        "The queue is empty. Add files with: python -m danvan ingest FOLDER --queue",
    ),
    "q_state": ("Trạng thái", "State"),
    "q_all": ("Tất cả", "All"),
    "q_new": ("mới", "new"),
    "q_accepted": ("đã nhận", "accepted"),
    "q_rejected": ("đã loại", "rejected"),
    "q_file": ("Tệp", "File"),
    "q_kind": ("Loại", "Kind"),
    "q_created": ("Đưa vào lúc", "Queued at"),
    "q_problems": ("Ghi chú", "Notes"),
    "q_items": ("Sự kiện / văn bản / số liệu", "Events / documents / values"),
    "q_open": ("Mở bản nháp", "Open a draft"),
    "q_note": ("Lý do lưu hoặc loại (bắt buộc)", "Why it is saved or rejected (required)"),
    "q_accept": ("Nhận và lưu các mục đã chọn", "Accept and save the selected items"),
    "q_reject": ("Loại bản nháp này", "Reject this draft"),
    "q_rejected_done": ("Đã loại bản nháp {id}.", "Draft {id} rejected."),
    "q_need_note": ("Cần ghi lý do.", "A reason is required."),
    "q_source_text": ("Văn bản gốc (phần tô màu là đoạn bản nháp trích)",
                      "Source text (highlighted: what the draft quotes)"),
    "q_cell": ("Ô bảng", "Table cell"),
    "q_decided": ("Đã quyết định: {state} — {who}", "Decided: {state} — {who}"),
}


def _merge(*groups: Texts) -> Texts:
    merged: Texts = {}
    for group in groups:
        twice = merged.keys() & group.keys()
        if twice:
            raise ValueError(f"translation keys defined twice: {sorted(twice)}")
        merged |= group
    return merged


TEXTS = _merge(APP, FILTER_BAR, WORDS, LABELS, OVERVIEW, MAP, TIMELINE, COMPARE, PROFILE, DOCUMENTS, SOURCES, DATA,
               CURATION, PRESENTATION, QUEUE)


def t(key: str, lang: str = "vi", **values: object) -> str:
    """The text for `key` in `lang`, with {placeholders} filled."""
    vi, en = TEXTS[key]
    text = en if lang == "en" else vi
    return text.format(**values) if values else text


def name_column(lang: str) -> str:
    """The column holding a record's name in `lang` (name_vi, name_en), for indicators and units."""
    return "name_en" if lang == "en" else "name_vi"
