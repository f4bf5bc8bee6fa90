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
    # Streamlit's own buttons on a chart's toolbar
    "chart_fullscreen": ("Toàn màn hình", "Fullscreen"),
    "chart_close_fullscreen": ("Thoát toàn màn hình", "Close fullscreen"),
    "search_no_results": ("Không tìm thấy — hãy gõ có dấu, ví dụ “Lạng Sơn”", "No results"),
    # Streamlit's and the map's own words, which they write in English only (components/boot.py, WORDS_JS): the
    # tooltips of a table's and a picture's toolbar, the menu (⋮), the first Tab's link, the map's buttons, and the
    # names a screen reader reads for buttons that show no text
    "st_download_csv": ("Tải về tệp CSV", "Download as CSV"),
    "st_search": ("Tìm trong bảng", "Search"),
    "st_columns": ("Ẩn/hiện cột", "Show/hide columns"),
    "st_print": ("In trang", "Print"),
    "st_skip": ("Chuyển đến nội dung chính", "Skip to main content"),
    "st_zoom_in": ("Phóng to", "Zoom In"),
    "st_zoom_out": ("Thu nhỏ", "Zoom Out"),
    "st_attribution": ("Hiện/ẩn nguồn bản đồ", "Toggle attribution"),
    "st_collapse_sidebar": ("Thu gọn thanh bên", "Collapse sidebar"),
    "st_expand_sidebar": ("Mở thanh bên", "Expand sidebar"),
    "st_sidebar": ("Thanh bên", "Sidebar"),
    "st_main_menu": ("Trình đơn", "Main menu"),
    "st_clear_all": ("Xóa hết", "Clear all"),
    "st_open": ("Mở danh sách", "Open"),
    "st_choose_date": ("Chọn ngày", "Choose date"),
    "st_heading_link": ("Liên kết tới đề mục", "Link to heading"),
    "st_app_pages": ("Các trang", "App pages"),
    "st_selected": ("Giá trị đã chọn", "Selected values"),
    "st_mapbox_logo": ("Biểu trưng Mapbox", "Mapbox logo"),
    "st_file_upload": ("Tải tệp lên", "file upload"),
    "st_choose": ("Chọn…", "Choose an option"),  # an empty choice box's placeholder
    "st_help_for": ("Giải thích: ", "Help for "),  # the start of a name: "Help for Tỉnh, thành phố"
    "st_fullscreen_of": ("Toàn màn hình: ", "Fullscreen: "),  # "Fullscreen: Vị trí trên bản đồ Việt Nam"
    "st_shortcut": ("Phím tắt ", "Shortcut "),  # "Shortcut Esc"
    "st_clear_date": ("Xóa ngày", "Clear date"),
    # a date box's parts, named for a screen reader: "day, Có gì mới sau ngày …"
    "st_day_of": ("ngày, ", "day, "),
    "st_month_of": ("tháng, ", "month, "),
    "st_year_of": ("năm, ", "year, "),
    # a range slider's two thumbs, named for a screen reader: "Năm — start"
    "st_range_from": (" — từ", " — start"),
    "st_range_to": (" — đến", " — end"),
    # the status at the top right while a page runs, and when the server cannot be reached
    "st_stop": ("Dừng", "Stop"),
    "st_stopping": ("Đang dừng…", "Stopping..."),
    "st_running": ("Đang chạy…", "Running..."),
    "st_connecting": ("Đang kết nối", "Connecting"),
    "st_connecting_tip": ("Đang kết nối tới máy chủ của bảng theo dõi", "Connecting to Streamlit server"),
    "st_error": ("Lỗi", "Error"),
    "st_unreachable": ("Không kết nối được tới máy chủ của bảng theo dõi", "Unable to connect to Streamlit server"),
    # the dialog when the server stops answering (the second sentence when the page's address is not "localhost")
    "st_connection_error": ("Mất kết nối tới máy chủ", "Connection error"),
    "st_server_silent": (
        "Máy chủ của bảng theo dõi không trả lời (bảng theo dõi không cần Internet). Trang đang thử kết nối lại; nếu "
        "máy chủ đã tắt, người quản trị cần khởi động lại.",
        "Streamlit server is not responding. Are you connected to the internet?",
    ),
    "st_server_stopped": (
        "Máy chủ của bảng theo dõi không trả lời. Trang đang thử kết nối lại; nếu máy chủ đã tắt, hãy khởi động lại "
        "bằng lệnh:",
        "Is Streamlit still running? If you accidentally stopped Streamlit, just restart it in your terminal:",
    ),
    "st_restart_command": (".venv/bin/streamlit run app.py", "streamlit run yourscript.py"),
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
        "Nguồn: toàn bộ dữ liệu gồm {n} tin bài và báo cáo công khai, trích nguyên văn. Ranh giới: Natural Earth "
        "(thuộc phạm vi công cộng). Phiên bản dữ liệu {version}.",
        "Sources: the whole data holds {n} public articles and reports, quoted verbatim. Boundaries: Natural Earth "
        "(public domain). Data version {version}.",
    ),
    "empty": (
        "Không có dữ liệu cho bộ lọc đang chọn ({filter}). Hãy mở rộng năm hoặc bỏ chọn tỉnh.",
        "No data for the current filter ({filter}). Widen the years or clear the provinces.",
    ),
    "empty_narrowed": (
        "Không có dữ liệu cho bộ lọc đang chọn ({filter}). Hãy bỏ bớt lựa chọn trong “Lọc sự kiện” (cấp, loại, cơ "
        "quan), mở rộng năm hoặc bỏ chọn tỉnh.",
        "No data for the current filter ({filter}). Clear some choices under “Which visits” (level, kind, body), "
        "widen the years or clear the provinces.",
    ),
    "profile_location_alt": ("Vị trí trên bản đồ Việt Nam", "Location on the map of Viet Nam"),
    "source_untitled": ("Bài không có tiêu đề trên {}", "Untitled article on {}"),
    "src_corpus_file": ("Văn bản lưu lấy từ kho tư liệu: {file}.", "Stored text taken from the corpus: {file}."),
    "src_cut": (
        "Văn bản lưu dừng giữa câu: đây là đoạn trích như bản đã thu thập, không phải toàn bài.",
        "The stored text stops mid-sentence: it is the excerpt as collected, not the whole article.",
    ),
    "empty_provinces": (
        "Chưa có dữ liệu nào về {names}: không có sự kiện hay số liệu nào, ở mọi năm. Hãy chọn tỉnh khác hoặc bỏ chọn "
        "tỉnh.",
        "There is no data on {names} yet: no events or values in any year. Choose another province or clear the "
        "provinces.",
    ),
    "empty_visits": ("Không có sự kiện nào trong bộ lọc này ({filter}).", "No events in this filter ({filter})."),
    "empty_values": (
        "Không có số liệu chỉ tiêu nào trong bộ lọc này ({filter}).",
        "No indicator values in this filter ({filter}).",
    ),
    "beyond_years": (
        "{n} số liệu có kỳ bao trùm năm đang chọn ({years}) nhưng dài hơn (ví dụ {period}): được tính vì kỳ của "
        "chúng trùm lên những năm này, không phải số của riêng {years}.",
        "{n} value{s} {have} a period covering the selected years ({years}) but longer (e.g. {period}): counted "
        "because their period overlaps these years, not figures for {years} alone.",
    ),
    "highlights_none_at_all": (
        "Không có tổng số cấp tỉnh nào trong bộ lọc này; các số liệu (phân tổ, cấp huyện, xã) xem ở trang So sánh và "
        "Dữ liệu.",
        "No province-level totals in this filter; the values (breakdowns, districts, communes) are on the Compare and "
        "Data pages.",
    ),
    "highlights_none": (
        "Không có tổng số cấp tỉnh nào khác các kết quả ở trên; các số liệu (phân tổ, cấp huyện, xã) xem ở trang So "
        "sánh và Dữ liệu.",
        "No province-level totals besides the results above; the values (breakdowns, districts, communes) are on the "
        "Compare and Data pages.",
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
    "date_end": ("Đến ngày", "Until"),
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
    "qualifier": ("Từ chỉ mức (hơn, gần…)", "Qualifier (over, nearly…)"),
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
    "merged_into": ("từ 1/7/2025 hợp nhất với {others} thành {name}", "merged with {others} into {name} from 1/7/2025"),
    # the merged unit keeps a partner's name: "hợp nhất với Bình Dương, Hồ Chí Minh thành Hồ Chí Minh" read badly
    "merged_into_kept": (
        "từ 1/7/2025 cùng {others} hợp nhất vào {name}",
        "merged into {name} with {others} from 1/7/2025",
    ),
    "merged_into_alone": ("từ 1/7/2025 hợp nhất vào {name}", "merged into {name} from 1/7/2025"),
    "merged_from": ("hợp nhất từ {names}", "merged from {names}"),
    "filter_label_events": ("sự kiện: {choices}", "events: {choices}"),
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
    "status_reported": ("Báo cáo", "Reported"),
    "status_estimated": ("Dự ước", "Estimated"),
    "status_target": ("Chỉ tiêu (kế hoạch)", "Target (plan)"),
    "finding_result": ("Kết quả", "Results"),
    "finding_limitation": ("Hạn chế", "Limitations"),
    "finding_direction": ("Chỉ đạo, kiến nghị", "Directions and recommendations"),
    "unit_count": ("số lượng", "count"),
    "unit_percent": ("%", "%"),
    "unit_average": ("bình quân", "average"),
    "unit_vnd": ("tỷ đồng", "billion VND"),
    "unit_dong": ("đồng", "VND"),
    "reason_periods": ("khác kỳ số liệu", "different periods"),
    "reason_levels": ("khác cấp (tỉnh, huyện, xã)", "different levels (province, district, commune)"),
    "reason_statuses": ("lẫn số báo cáo với số dự ước hoặc chỉ tiêu", "reported mixed with estimates or targets"),
    "reason_breakdowns": ("lẫn tổng số với số phân tổ", "totals mixed with breakdowns"),
    "place_city": ("thành phố {name}", "{name} City"),
    "place_town": ("thị xã {name}", "{name} Town"),
    "place_township": ("thị trấn {name}", "{name} Township"),
    "place_district": ("huyện {name}", "{name} District"),
    "place_commune": ("xã {name}", "{name} Commune"),
    "place_ward": ("phường {name}", "{name} Ward"),
    "ratio_check": ("Kiểm tra tỷ lệ", "Ratio check"),
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
        "{title} — events: {visits}, values: {observations}",
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
    "map_no_visits": ("Không có sự kiện", "No events"),
    "map_legend": ("Chú giải", "Legend"),
    "map_period": ("Kỳ số liệu: {period}", "Period: {period}"),
    "map_when": ("Thời gian: {days}", "Dates: {days}"),
    "map_periods_differ": (
        "Các tỉnh có kỳ số liệu khác nhau — xem kỳ của từng tỉnh khi rê chuột.",
        "Provinces have different periods — hover to see each one's period.",
    ),
    "map_arcs": (
        "Cung: đoàn Trung ương đi từ Hà Nội; vòng tròn: nơi có sự kiện (màu theo cấp).",
        "Arcs: central delegations from Hanoi; rings: event hosts (colour by level).",
    ),
    "map_islands": (
        "Quần đảo Hoàng Sa (thành phố Đà Nẵng) và quần đảo Trường Sa (tỉnh Khánh Hòa) là một phần lãnh thổ Việt Nam.",
        "The Hoang Sa (Paracel) archipelago (Da Nang) and Truong Sa (Spratly) archipelago (Khanh Hoa) are part of "
        "Viet Nam.",
    ),
    "map_credit": (
        "Ranh giới: Natural Earth (thuộc phạm vi công cộng), đã hiệu chỉnh; đường bờ biển và một số ranh giới chỉ "
        "gần đúng.",
        "Boundaries: Natural Earth (public domain), corrected; coasts and some borders are approximate.",
    ),
    "map_click": ("Bấm vào một tỉnh trên bản đồ để mở hồ sơ.", "Click a province on the map to open its profile."),
    "map_events_of": ("{n} sự kiện", "{n} events"),
    "map_merged_note": ("Số liệu cộng từ: {parts}", "Summed from: {parts}"),
    "map_one_part_note": (
        "Số liệu của riêng {part} (trước 1/7/2025), không phải của cả {unit}",
        "{part}'s own figure (before 1/7/2025), not all of {unit}'s",
    ),
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
    "compare_per_year": ("Chia theo năm", "Per year"),
    "compare_per_year_help": (
        "Giá trị nhiều năm ÷ số năm. Chỉ áp dụng cho số lượng cộng dồn được; tỷ lệ và số bình quân giữ nguyên.",
        "A multi-year value ÷ its years. Only for summable counts; percentages and averages are unchanged.",
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
    "ratio_mismatch": (
        "⚠ Nguồn ghi tỷ lệ này, nhưng {num}/{den} = {computed}",
        "⚠ The source states this rate, but {num}/{den} = {computed}",
    ),
    "compare_beyond_years": (
        "Lưu ý: {n} giá trị có kỳ số liệu vượt ra ngoài năm đang chọn ({years}): {periods}. Chúng được hiển thị vì kỳ "
        "của chúng trùm lên những năm này.",
        "Note: {n} value{s} {have} a period reaching outside the selected years ({years}): {periods}. They are shown "
        "because their period overlaps these years.",
    ),
    "compare_no_values": (
        "Không có số liệu chỉ tiêu này trong các năm đang chọn: {places}.",
        "No values of this indicator in the selected years: {places}.",
    ),
    "compare_table": ("Bảng số liệu và trích dẫn", "Values and quotes"),
    "per_year_suffix": ("/năm", "/year"),
    "computed": ("Tỷ lệ tính lại", "Recomputed rate"),  # numerator / denominator, beside the stated rate
    "compare_breakdowns": ("Gồm số phân tổ", "Include breakdowns"),
    "compare_breakdowns_help": (
        "Hiện cả các phần (theo lĩnh vực, tập thể/cá nhân...) bên cạnh tổng số.",
        "Show the parts (by field, collective/individual...) next to the totals.",
    ),
    "compare_chart_subset": (
        "Biểu đồ: {n} giá trị, kỳ gần nhất, cấp cao nhất; bảng dưới đây có đủ {m} giá trị.",
        "Chart: {n} value{s} of the latest period at the highest level; the table has all {m}.",
    ),
}


# Hồ sơ tỉnh (pages/ho-so-tinh.py)
PROFILE: Texts = {
    "profile_pick": ("Chọn tỉnh, thành phố", "Choose a province"),
    "profile_ask": (
        "Chọn một tỉnh, thành phố để xem hồ sơ (ô trên, hoặc bộ lọc bên trái, hoặc bấm vào tỉnh trên Bản đồ).",
        "Choose a province to see its profile (the box above, the filter on the left, or a click on the Map).",
    ),
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
    "docs_all": ("Mọi văn bản (bỏ qua bộ lọc)", "All documents (ignore the filter)"),
    "docs_all_help": (
        "Tắt: chỉ các văn bản mà sự kiện, nguồn tin hoặc tỉnh trong bộ lọc nhắc tới hay ban hành.",
        "Off: only the documents the filter's events or sources refer to, or its provinces issued.",
    ),
    "srcs_all": ("Mọi nguồn (bỏ qua bộ lọc)", "All sources (ignore the filter)"),
    "srcs_all_help": (
        "Tắt: chỉ các nguồn đã cho sự kiện hoặc số liệu trong bộ lọc.",
        "Off: only the sources that gave the filter's events or values.",
    ),
    "doc_search": ("Tìm theo số hiệu hoặc tên", "Search by code or title"),
    "doc_more_visits": (
        "… và {n} sự kiện khác (trang Dữ liệu có đủ).",
        "… and {n} more event{s} (the Data page lists them all).",
    ),
}


# Nguồn (pages/nguon.py)
SOURCES: Texts = {
    "choose": ("Chọn…", "Choose…"),
    "src_pick": ("Chọn nguồn để xem toàn văn và những gì đã trích", "Choose a source to read it and what was curated"),
    "src_curated": (
        "Đã trích: {visits} sự kiện, {findings} nhận định, {observations} số liệu, {documents} văn bản",
        "Curated — events: {visits}, findings: {findings}, values: {observations}, documents: {documents}",
    ),
    "src_cells": ("{n} số liệu đọc từ ô bảng của tệp gốc", "{n} values read from the original file's table cells"),
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
    "data_rows": ("{n} dòng", "{n} row{s}"),
    "data_first_rows": (
        "Hiển thị {n} dòng đầu; tệp tải về có đủ {m} dòng.",
        "Showing the first {n} rows; the downloads have all {m}.",
    ),
}


# Nhập liệu (pages/nhap-lieu.py)
CURATION: Texts = {
    "cur_password": ("Mật khẩu người biên soạn", "Curator password"),
    "cur_login": ("Đăng nhập", "Sign in"),
    "cur_logout": ("Đăng xuất", "Sign out"),
    "cur_only": ("Chỉ người biên soạn mới dùng được trang này.", "Only curators can use this page."),
    "cur_paste": ("…hoặc dán nội dung bài viết", "…or paste the article"),
    "cur_published": ("Ngày đăng (25/04/2024), nếu bài không ghi", "Publication date (25/04/2024), if not in the text"),
    "cur_province": ("Tỉnh của nơi đăng bài, nếu bài không nêu", "Province of the outlet, if the text does not say"),
    "cur_link": ("Đường dẫn bài (nếu có)", "Link to the article (if any)"),
    "cur_link_help": (
        "Tên miền của báo, cổng thông tin tỉnh, huyện (baothanhhoa.vn, chodon.gov.vn) cho biết tỉnh nơi đăng bài.",
        "The domain of a provincial or district outlet (baothanhhoa.vn, chodon.gov.vn) tells the outlet's province.",
    ),
    "cur_extract": ("Trích xuất bản nháp", "Extract a draft"),
    "cur_empty": ("Chưa có nội dung bài viết.", "No article text yet."),
    "cur_source": ("Nguồn", "Source"),
    "cur_source_id": ("Mã nguồn (tên tệp lưu trữ)", "Source id (stored file name)"),
    "cur_text": ("Bài viết (phần tô màu là đoạn bản nháp trích)", "Article (highlighted: what the draft quotes)"),
    "cur_none": ("Không tìm thấy trong bài.", "None found in the text."),
    "cur_observations": ("Số liệu trích được", "Values found"),
    "cur_visits": ("Sự kiện trích được", "Events found"),
    "cur_documents": ("Văn bản trích được", "Documents found"),
    "cur_col_id": ("Mã bản ghi", "Record id"),
    "cur_col_district": ("Huyện, thị xã, thành phố", "District-level unit"),
    "cur_col_date_end": ("Đến ngày", "Until"),
    "cur_col_date_precision": ("Độ chính xác của ngày", "Date precision"),
    "cur_col_date_note": ("Ghi chú về ngày", "Note on the date"),
    "cur_col_body_level": ("Cấp của đoàn", "Level of the visiting body"),
    "cur_col_leader_title": ("Chức vụ", "Leader's title"),
    "cur_col_code": ("Số hiệu", "Code"),
    "cur_col_documents": ("Văn bản liên quan (số hiệu)", "Documents (codes)"),
    "cur_col_type": ("Loại văn bản", "Document type"),
    "cur_col_period_note": ("Ghi chú về kỳ số liệu", "Note on the period"),
    "precision_day": ("Ngày", "Day"),
    "precision_month": ("Tháng", "Month"),
    "precision_year": ("Năm", "Year"),
    "precision_approximate": ("Ước đoán", "Approximate"),
    "cur_keep": ("Lưu", "Keep"),
    "cur_confidence": ("Độ tin cậy", "Confidence"),
    "cur_save": ("Kiểm tra toàn bộ dữ liệu và lưu", "Validate everything and save"),
    "cur_saved": (
        "Đã lưu {files}. Bản trước được giữ tại {history}.",
        "Saved {files}. Previous versions kept in {history}.",
    ),
    "cur_already_saved": (
        "Văn bản này đã được lưu trong dữ liệu (nguồn {source}): lưu lại sẽ trùng mọi mục. Chỉ thêm những mục lần "
        "trước bỏ sót, dưới đúng mã nguồn {source}.",
        "This text is already saved in the data (source {source}): saving it again repeats every item. Add only what "
        "the last save missed, under source id {source}.",
    ),
    "cur_known_documents": (
        "Văn bản {codes} đã có trong dữ liệu nên không ghi lại.",
        "Document {codes} is already in the data, so it was not written again.",
    ),
    "cur_saved_before": (
        "Chưa lưu gì: {n} mục đã có trong dữ liệu với cùng mã, từ nguồn {sources} — bài này đã được lưu. Bỏ chọn các "
        "mục đó để chỉ lưu phần còn thiếu.",
        "Nothing was saved: {n} item{s} {are} in the data already under the same ids, from {sources} — this report was "
        "saved before. Untick them to save only what is missing.",
    ),
    "cur_failed": ("Chưa lưu gì: dữ liệu mới có {n} lỗi.", "Nothing was saved: the new data has {n} errors."),
    "cur_nothing": ("Không có mục nào được chọn để lưu.", "No item is selected to save."),
    "cur_notes": ("Ghi chú của bộ trích xuất", "Extractor notes"),
    "cur_item_note": ("Ghi chú", "Note"),
    "q_province_in": ("{name} ({scheme} tỉnh)", "{name} ({scheme} units)"),
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
        "Còn {n} giá trị khác không hiện ở đây — xem đủ trong ứng dụng (trang So sánh, Dữ liệu) hoặc tệp Excel.",
        "{n} more value{s} {are} not shown here — see them all in the app (Compare, Data) or the Excel file.",
    ),
    "report_who": ("Đoàn → nơi đến", "Delegation → host"),
    "report_more_visits": (
        "Còn {n} sự kiện khác — xem đủ trong ứng dụng (trang Dòng thời gian).",
        "{n} more event{s} — see them all in the app (Timeline).",
    ),
    "report_findings_title": ("Nhận định của đoàn gần nhất", "Findings of the latest visit"),
    "report_findings_conference": ("Nhận định của hội nghị gần nhất", "Findings of the latest conference"),
    "report_more_findings": (
        "Còn {n} nhận định khác — xem đủ trong ứng dụng (trang Dòng thời gian).",
        "{n} more finding{s} — see them all in the app (Timeline).",
    ),
    "report_sources_title": ("Nguồn số liệu", "Sources"),
    "report_sources_note": ("Nguồn: {sources}", "Sources: {sources}"),
    "report_more_sources": ("và {n} nguồn khác", "and {n} more"),
    "report_more_sources_rows": (
        "Còn {n} nguồn khác — xem đủ trong ứng dụng (trang Nguồn) hoặc tệp Excel.",
        "{n} more source{s} — see them all in the app (Sources) or the Excel file.",
    ),
    "report_sources_links": (
        "Toàn văn đã lưu của từng nguồn, và đường dẫn khi nguồn có: trong ứng dụng (trang Nguồn) và tệp Excel.",
        "The stored text of every source, and its link where it has one: in the app (Sources) and the Excel file.",
    ),
    "report_no_source": ("Nguồn: —", "Sources: —"),
    "report_empty_title": ("Không có dữ liệu", "No data"),
    "brief_profile_title": ("Hồ sơ {kind} {name}", "Profile of {name} {kind}"),
    "brief_download": ("Bản tin của tỉnh (một lần bấm)", "Province brief (one click)"),
    "report_parts_hidden": (
        "Còn {n} số liệu phân tổ (theo nhóm, lĩnh vực…) của các tổng số vẽ ở các trang sau — xem đủ trong ứng dụng "
        "(trang So sánh, Dữ liệu) hoặc tệp Excel.",
        "{n} more value{s} {are} parts (by group, field…) of totals drawn on the next slides — see them all in the app "
        "(Compare, Data) or the Excel file.",
    ),
    "report_quoted_twice": (
        "Còn {n} số liệu là cùng một số do hai nguồn nêu: vẽ một lần.",
        "{n} more value{s} {are} the same figure quoted by two sources: drawn once.",
    ),
}


# the files (danvan/exports): CSV, Excel, and what they state about themselves
EXPORTS: Texts = {
    "export_about_sheet": ("Thông tin", "About"),
    "export_about_item": ("Mục", "Item"),
    "export_about_value": ("Giá trị", "Value"),
    "export_made_on": ("Ngày xuất", "Exported on"),
    "export_source_id": ("Mã nguồn", "Source id"),
    "export_csv_convention": ("Quy ước tệp CSV", "CSV convention"),
    "export_csv_convention_text": (
        "UTF-8 có BOM, phân cách bằng dấu phẩy; số viết để máy đọc: dấu chấm thập phân, không phân cách hàng nghìn, "
        "số nguyên không có “.0”; ngày theo ISO 8601 (yyyy-mm-dd; yyyy-mm hoặc yyyy khi nguồn chỉ ghi tháng, năm); "
        "ô chữ bắt đầu bằng = + - @ được thêm dấu ' phía trước để bảng tính không chạy nó như công thức.",
        "UTF-8 with a BOM, comma-separated; numbers for machines: decimal point, no thousands separator, integers "
        "without “.0”; dates in ISO 8601 (yyyy-mm-dd; yyyy-mm or yyyy when the source gives only the month or year); "
        "a text cell starting with = + - @ gets a leading ' so that a spreadsheet never runs it as a formula.",
    ),
}


# Sign-in (components/auth.py), the save's note and the audit page (pages/nhat-ky.py)
ACCESS: Texts = {
    "auth_admin_only": ("Trang này chỉ dành cho quản trị viên.", "This page is for administrators only."),
    "auth_no_accounts": (
        "Chưa có tài khoản biên tập nào. Quản trị viên tạo tài khoản trên máy chủ bằng lệnh "
        "`python -m danvan curator add TÊN --role admin`, rồi tải lại trang.",
        "There are no curator accounts yet. An administrator creates one on the server with "
        "`python -m danvan curator add NAME --role admin`, then reloads the page.",
    ),
    "auth_username": ("Tên đăng nhập", "Username"),
    "auth_sign_in_oidc": ("Đăng nhập bằng tài khoản cơ quan", "Sign in with your organisation account"),
    "auth_signed_in": ("Đã đăng nhập: {name} ({role})", "Signed in: {name} ({role})"),
    "auth_expired": (
        "Phiên làm việc đã hết hạn sau {minutes} phút không hoạt động; hãy đăng nhập lại.",
        "The session ended after {minutes} minutes without activity; please sign in again.",
    ),
    "auth_refused": ("Không đăng nhập được: {reason}.", "Sign-in refused: {reason}."),
    "auth_no_role": (
        "Tài khoản {email} chưa được cấp quyền biên tập. Quản trị viên cấp bằng lệnh "
        "`python -m danvan curator add TÊN --email {email} --no-password`.",
        "The account {email} has no curator rights yet. An administrator grants them with "
        "`python -m danvan curator add NAME --email {email} --no-password`.",
    ),
    "auth_not_allowed": (
        "Tài khoản {name} ({role}) không được mở trang này.",
        "The account {name} ({role}) may not open this page.",
    ),
    "role_viewer": ("người xem", "viewer"),
    "role_curator": ("biên tập viên", "curator"),
    "role_admin": ("quản trị viên", "administrator"),
    "cur_upload_limits": (
        "Tải lên bài viết hoặc báo cáo (.txt UTF-8 hoặc UTF-16, Word .docx hoặc .doc, PDF, Excel .xlsx hoặc .xls, "
        "LibreOffice .odt, .ods, "
        ".csv, ảnh chụp hoặc quét .png, .jpg, .tif; chữ gõ phông TCVN3 hay VNI được chuyển sang Unicode, ảnh và PDF "
        "quét được nhận dạng chữ; tối đa {mb} MB)",
        "Upload an article or report (.txt UTF-8 or UTF-16, Word .docx or .doc, PDF, Excel .xlsx or .xls, "
        "LibreOffice .odt, .ods, .csv, "
        "photos or scans .png, .jpg, .tif; text typed in TCVN3 or VNI fonts is converted to Unicode, photos and scans "
        "are recognised; at most {mb} MB)",
    ),
    "scan_pictures": (
        "Bản gốc ({n} ảnh): đối chiếu chữ nhận dạng bên cạnh với ảnh",
        "The original ({n} picture{s}): check the recognised text beside it against it",
    ),
    "cur_reading": (
        "Đang đọc tệp… (một bản PDF ảnh quét được nhận dạng chữ từng trang, mỗi trang vài giây)",
        "Reading the file… (a scanned PDF is recognised page by page, a few seconds a page)",
    ),
    "cur_upload_button": ("Chọn tệp", "Choose a file"),
    "cur_upload_refused": ("Tệp “{name}” không dùng được: {reason}.", "The file “{name}” cannot be used: {reason}."),
    "cur_note": ("Lý do lưu (bắt buộc, ghi vào nhật ký)", "Reason for saving (required, goes to the audit log)"),
    "cur_note_help": (
        "Một câu ngắn: bài nào, vì sao thêm. Quản trị viên đọc được trong Nhật ký biên tập.",
        "One short sentence: which article, why. Administrators read it in the audit log.",
    ),
    "cur_note_missing": ("Hãy ghi lý do lưu trước khi lưu.", "Write the reason for saving first."),
    "cur_busy": (
        "Chưa lưu: dữ liệu đang được một lần lưu khác giữ. {detail}",
        "Not saved: another save holds the data. {detail}",
    ),
    "page_audit": ("Nhật ký biên tập", "Audit log"),
    "audit_intro": (
        "Mỗi lần lưu: ai lưu, lúc nào, thêm bản ghi nào vào tệp nào, và lý do. Nhật ký chỉ ghi thêm, không sửa.",
        "Every save: who, when, which records went into which file, and why. The log is append-only.",
    ),
    "audit_empty": ("Chưa có lần lưu nào.", "No saves yet."),
    "audit_broken": (
        "Không đọc được dòng {lines} của tệp nhật ký {file}.",
        "Lines {lines} of the audit file {file} could not be read.",
    ),
    "audit_by": ("Người lưu", "Curator"),
    "audit_all": ("Tất cả", "Everyone"),
    "audit_time": ("Thời điểm", "Time"),
    "audit_note": ("Lý do", "Reason"),
    "audit_file": ("Tệp", "File"),
    "audit_added": ("Bản ghi thêm", "Records added"),
    "audit_changed": ("Bản ghi sửa", "Records changed"),
    "audit_removed": ("Bản ghi xóa", "Records removed"),
    "audit_id": ("Mã lần lưu", "Save id"),
    "audit_saves": ("{n} lần lưu", "{n} saves"),
    "audit_csv": ("Tải nhật ký (CSV)", "Download the log (CSV)"),
    "audit_accounts": ("Tài khoản", "Accounts"),
    "audit_accounts_note": (
        "Chỉ xem; thêm, xóa tài khoản trên máy chủ bằng `python -m danvan curator add|remove|list`.",
        "Read-only; add or remove accounts on the server with `python -m danvan curator add|remove|list`.",
    ),
    "audit_username": ("Tên đăng nhập", "Username"),
    "audit_role": ("Vai trò", "Role"),
    "audit_name": ("Họ tên", "Name"),
    "audit_email": ("Thư điện tử", "E-mail"),
    "audit_created": ("Ngày tạo", "Created"),
}


# Hàng chờ duyệt (pages/hang-cho.py)
QUEUE: Texts = {
    "page_queue": ("Hàng chờ duyệt", "Review queue"),
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
    "q_accept": ("Lưu các mục đã nhận", "Save the accepted items"),
    "q_reject": ("Loại bản nháp này", "Reject this draft"),
    "q_rejected_done": ("Đã loại bản nháp của tệp {id}.", "The draft of the file {id} is rejected."),
    "q_need_note": ("Cần ghi lý do.", "A reason is required."),
    "q_source_text": (
        "Văn bản gốc (phần tô màu là đoạn bản nháp trích)",
        "Source text (highlighted: what the draft quotes)",
    ),
    "q_cell": ("Ô bảng", "Table cell"),
    "q_missing": (
        "Còn thiếu: {fields}. Bấm Sửa (S) để điền; mục thiếu trường bắt buộc sẽ không lưu được.",
        "Missing: {fields}. Press Edit (S) to fill in; an item missing a required field cannot be saved.",
    ),
    "q_cell_header": ("Tiêu đề cột", "Column header"),
    "q_cell_scan": (
        "Hàng của ô trên bản quét, dưới tiêu đề bảng: đối chiếu chữ số đã đọc với ảnh",
        "The cell's row on the scan, under the table's header: check the figures read against the picture",
    ),
    "q_decided": ("Đã quyết định: {state} — {who}", "Decided: {state} — {who}"),
    "q_reviewing": ("đang duyệt", "in review"),
    "q_progress": ("{done}/{total} đã duyệt", "{done}/{total} reviewed"),
    "q_progress_col": ("Tiến độ", "Progress"),
    "q_decision": ("Quyết định", "Decision"),
    "q_dec_accepted": ("đã nhận", "accepted"),
    "q_dec_rejected": ("đã loại", "rejected"),
    "q_dec_saved": ("đã lưu", "saved"),
    "q_saved_not_a_choice": (
        "“Đã lưu” không chọn được: chọn “đã nhận” rồi bấm “Lưu các mục đã nhận” bên dưới.",
        "“Saved” is not a choice: choose “accepted”, then “Save the accepted items” below.",
    ),
    "q_undecided": ("chưa duyệt", "not reviewed"),
    "q_mode": ("Cách duyệt", "Review"),
    "q_mode_card": ("Từng mục (bàn phím)", "Item by item (keyboard)"),
    "q_mode_table": ("Bảng", "Table"),
    "q_item_of": ("Mục {n}/{total}", "Item {n}/{total}"),
    "q_keys": (
        "Phím tắt: N nhận, L loại, S sửa (Esc thôi sửa), ← mục trước, → mục sau (khi con trỏ không ở trong ô nhập).",
        "Shortcuts: N accept, L reject, S edit (Esc cancels), ← previous, → next (when not typing in a box).",
    ),
    "q_take": ("Nhận", "Accept"),
    "q_take_help": ("Nhận mục này và sang mục chưa duyệt tiếp theo (phím N)", "Accept this item, go to the next (N)"),
    "q_drop": ("Loại", "Reject"),
    "q_drop_help": ("Loại mục này và sang mục chưa duyệt tiếp theo (phím L)", "Reject this item, go to the next (L)"),
    "q_edit": ("Sửa", "Edit"),
    "q_edit_help": ("Mở các trường của mục này để sửa (phím S)", "Open this item's fields to edit (S)"),
    "q_prev": ("Trước", "Previous"),
    "q_prev_help": ("Mục trước (phím ←)", "Previous item (←)"),
    "q_next": ("Tiếp", "Next"),
    "q_next_help": ("Mục sau (phím →)", "Next item (→)"),
    "q_edit_save": ("Lưu sửa và nhận mục", "Keep the edits and accept"),
    "q_edit_cancel": ("Thôi sửa", "Cancel editing"),
    "q_same_value": (
        "Cùng chỉ tiêu, nơi, kỳ và giá trị với mục {others}: chỉ nhận một.",
        "Same indicator, place, period and value as item {others}: accept only one.",
    ),
    "q_value_held": (
        "Dữ liệu đã có giá trị này của năm {year} (nguồn {sources}).",
        "The data already holds this value for {year} (source {sources}).",
    ),
    "q_cell_word": ("ô", "cell"),
    "q_reject_proposed": (
        "Loại {n} số liệu có chỉ tiêu chưa có trong danh mục",
        "Reject {n} value{s} whose indicator is not in the catalogue",
    ),
    "q_reject_proposed_help": (
        "Các số liệu chưa duyệt mà máy chỉ đề xuất một chỉ tiêu mới; số liệu nào cần giữ thì bấm Sửa (S) chọn chỉ "
        "tiêu có sẵn trước.",
        "The values not reviewed yet for which the extractor only proposed a new indicator; to keep one, press Edit "
        "(S) and choose a defined indicator first.",
    ),
    "q_rejected_proposed": ("Đã loại {n} số liệu.", "{n} value{s} rejected."),
    "q_column": ("Đặt một chỉ tiêu cho cả cột của bảng", "Set one indicator for a whole column of the table"),
    "q_column_header": ("Cột (tiêu đề trong bảng)", "Column (its header in the table)"),
    "q_column_option": ("{header} — {n} ô", "{header} — {n} cells"),
    "q_column_apply": ("Đặt cho mọi ô của cột", "Set it for every cell of the column"),
    "q_column_done": (
        "Đã đặt chỉ tiêu cho {n} ô của cột “{header}”; các ô vẫn chờ duyệt.",
        "The indicator is set for the {n} cell{s} of the column “{header}”; they still wait for review.",
    ),
    "q_add": (
        "Thêm sự kiện, văn bản hoặc số liệu mà bản nháp bỏ sót",
        "Add an event, a document or a value the draft missed",
    ),
    "q_add_help": (
        "Chọn câu trong văn bản gốc làm trích dẫn, điền các trường rồi bấm thêm: mục mới được nhận ngay và lưu cùng "
        "các mục khác (câu trích phải có nguyên văn trong văn bản gốc).",
        "Choose the sentence of the source text to quote, fill in the fields and add: the item is accepted at once "
        "and saved with the others (the quote must be verbatim in the source text).",
    ),
    "q_add_kind": ("Loại mục", "Kind of item"),
    "q_addpart_visits": ("Sự kiện", "Event"),
    "q_addpart_documents": ("Văn bản", "Document"),
    "q_addpart_observations": ("Số liệu", "Value"),
    "q_kind_text": ("Văn bản (.txt)", "Text (.txt)"),
    "q_kind_docx": ("Word (.docx)", "Word (.docx)"),
    "q_kind_pdf": ("PDF (.pdf)", "PDF (.pdf)"),
    "q_kind_xlsx": ("Excel (.xlsx)", "Excel (.xlsx)"),
    "q_kind_xls": ("Excel 97-2003 (.xls)", "Excel 97-2003 (.xls)"),
    "q_kind_doc": ("Word 97-2003 (.doc)", "Word 97-2003 (.doc)"),
    "q_kind_odt": ("Văn bản LibreOffice (.odt)", "LibreOffice text (.odt)"),
    "q_kind_ods": ("Bảng tính LibreOffice (.ods)", "LibreOffice spreadsheet (.ods)"),
    "q_kind_png": ("Ảnh (.png)", "Picture (.png)"),
    "q_kind_jpeg": ("Ảnh (.jpg)", "Picture (.jpg)"),
    "q_kind_tiff": ("Ảnh quét (.tif)", "Scanned pictures (.tif)"),
    "q_kind_csv": ("Bảng CSV (.csv)", "CSV table (.csv)"),
    "q_add_passage": ("Câu trích trong văn bản gốc", "Quote from the source text"),
    "q_add_passage_hint": ("Gõ vài chữ để tìm câu…", "Type a few words to find the sentence…"),
    "q_add_save": ("Thêm và nhận mục", "Add and accept"),
    "q_add_cancel": ("Thôi thêm", "Cancel adding"),
    "q_added": ("Đã thêm mục {n}/{total} và nhận mục này.", "Added item {n}/{total}, accepted."),
    "q_bad_number": (
        "{field}: “{value}” không phải là số (viết như 1.973 hoặc 81,77).",
        "{field}: “{value}” is not a number (written the Vietnamese way: 1.973 or 81,77).",
    ),
    "q_bad_date": (
        "{field}: “{value}” không phải là ngày (viết như 25/04/2024, 04/2024 hoặc 2024).",
        "{field}: “{value}” is not a date (written 25/04/2024, 04/2024 or 2024).",
    ),
    "q_bad_period": (
        "{field}: “{value}” không đọc được là kỳ (viết như 2024, 2021-2023, 25/04/2024 hoặc 01/01/2024 - 30/06/2024).",
        "{field}: “{value}” is not a period (written 2024, 2021-2023, 25/04/2024 or 01/01/2024 - 30/06/2024).",
    ),
    "q_choose_indicator": (
        "Chỉ tiêu “{name}” chưa có trong danh mục: bấm Sửa (S) để chọn một chỉ tiêu có sẵn; mục như vậy sẽ không lưu "
        "được.",
        "No indicator “{name}” yet: press Edit (S) to choose one; such an item cannot be saved.",
    ),
    "q_new_indicator": (
        "chỉ tiêu chưa có: “{name}” (chọn chỉ tiêu khác hoặc loại)",
        "no such indicator yet: “{name}” (choose one or reject)",
    ),
    "q_in_source": ("Trong văn bản gốc:", "In the source text:"),
    "q_saved_item": ("Mục này đã lưu vào dữ liệu.", "This item is saved in the data."),
    "q_item_problem": ("Mục {n}/{total} ({kind}): {problems}", "Item {n}/{total} ({kind}): {problems}"),
    "q_saved_some": (
        "Đã lưu {n} mục. Còn {left} mục chưa duyệt: bản nháp vẫn ở hàng chờ.",
        "{n} item{s} saved. {left} items not reviewed yet: the draft stays in the queue.",
    ),
    "q_saved_all": (
        "Đã lưu {n} mục. Mọi mục đã duyệt: bản nháp đã nhận.",
        "{n} item{s} saved. Every item reviewed: draft accepted.",
    ),
    "q_nothing_accepted": ("Chưa có mục nào được nhận (mà chưa lưu).", "No item is accepted (and not saved yet)."),
}


def _merge(*groups: Texts) -> Texts:
    merged: Texts = {}
    for group in groups:
        twice = merged.keys() & group.keys()
        if twice:
            raise ValueError(f"translation keys defined twice: {sorted(twice)}")
        merged |= group
    return merged


TEXTS = _merge(
    APP,
    FILTER_BAR,
    WORDS,
    LABELS,
    OVERVIEW,
    MAP,
    TIMELINE,
    COMPARE,
    PROFILE,
    DOCUMENTS,
    SOURCES,
    DATA,
    CURATION,
    PRESENTATION,
    EXPORTS,
    ACCESS,
    QUEUE,
)


# English agrees with a count {n}: "{n} value{s} {have}" is "1 value has", "2 values have" (Vietnamese needs none)
AGREEMENT = {
    "s": ("", "s"),
    "have": ("has", "have"),
    "are": ("is", "are"),
    "verb_s": ("s", ""),  # "1 event names", "3 events name"
    "they": ("it is", "they are"),
}


def t(key: str, lang: str = "vi", **values: object) -> str:
    """The text for `key` in `lang`, with {placeholders} filled (and, in English, the words that agree with {n})."""
    vi, en = TEXTS[key]
    if lang != "en":
        return vi.format(**values) if values else vi
    if "n" in values:
        values = {word: forms[str(values["n"]) != "1"] for word, forms in AGREEMENT.items()} | values
    return en.format(**values) if values else en


def name_column(lang: str) -> str:
    """The column holding a record's name in `lang` (name_vi, name_en), for indicators and units."""
    return "name_en" if lang == "en" else "name_vi"


# Values the data writes in Vietnamese (regions of units.csv, breakdown labels of observations.yaml), in English for
# the English interface. A value missing here is shown as written.
VALUES_EN: dict[str, str] = {
    # a figure's qualifier (model.QUALIFIERS): "hơn 9.500" is "over 9.500"
    "hơn": "over",
    "trên": "over",
    "gần": "nearly",
    "khoảng": "about",
    "xấp xỉ": "about",
    "dưới": "under",
    "chưa đến": "under",
    "tỉnh": "province",  # a unit's kind (the units' `kind`, from the gazetteer)
    "thành phố": "city",
    "Tây Nguyên": "Central Highlands",
    "Trung du và miền núi phía Bắc": "Northern Midlands and Mountains",
    "Bắc Trung Bộ và duyên hải miền Trung": "North Central and Central Coast",
    "Đồng bằng sông Cửu Long": "Mekong River Delta",
    "Đồng bằng sông Hồng": "Red River Delta",
    "Đông Nam Bộ": "Southeast",
    "cá nhân": "individuals",
    "tập thể": "collectives",
    "lĩnh vực nông thôn mới, đô thị văn minh": "new rural areas and civilised towns",
    "kiến nghị, phản ánh": "petitions and feedback",
    "hướng dẫn công dân khiếu nại đến người có thẩm quyền": "citizens guided to the competent authority",
    "quyết định": "decisions",
    "phòng chuyên môn": "specialised divisions",
    "mô hình": "models",
    "quy định": "regulations",
    "tố cáo": "denunciations",
    "lĩnh vực văn hóa dân tộc, du lịch, dịch vụ": "ethnic culture, tourism and services",
    "3 sao": "3 stars",
    "4 sao": "4 stars",
    "đề án": "schemes",
    "xã, thị trấn": "communes and townships",
    "điển hình": "exemplary cases",
    "đạt chuẩn vườn mẫu của tỉnh": "meeting the provincial model-garden standard",
    "kiến nghị": "petitions",
    "nghị quyết": "resolutions",
    "chỉ thị": "directives",
    "tiếp nhận giải quyết theo thẩm quyền": "handled within own competence",
    "quy chế về công tác dân vận": "rules on mass mobilisation work",
    "đoàn viên, hội viên, đối tượng bảo trợ xã hội": "union and association members, social-welfare beneficiaries",
    "chương trình hành động": "action programmes",
    "giúp đỡ đột xuất hoàn cảnh khó khăn": "emergency help to families in hardship",
    "kết luận": "conclusions",
    "đơn vị sự nghiệp": "public service units",
    "lĩnh vực xây dựng Đảng, chính quyền, MTTQ, đoàn thể": "Party, government, Fatherland Front and mass organisations",
    "kế hoạch": "plans",
    "khiếu nại": "complaints",
    "hướng dẫn": "guidance",
    "lĩnh vực cải cách hành chính, công sở, công vụ": "administrative reform, offices and public service",
    "mô hình cấp huyện": "district-level models",
    "chuyển cơ quan, đơn vị, xã, thị trấn giải quyết": "referred to agencies, units, communes and townships",
}


def value_text(text: str | None, lang: str = "vi") -> str | None:
    """A value the data writes in Vietnamese (a region, a breakdown label) in `lang`; as written when unknown."""
    return text if text is None or lang == "vi" else VALUES_EN.get(text, text)


def value_texts(lang: str = "vi") -> dict[str, str]:
    """value_text() as a mapping for a whole column (Polars `replace`): empty in Vietnamese."""
    return {} if lang == "vi" else dict(VALUES_EN)


# leader features (issue 12: views leaders reach for; issue 14 §2: one strict link parser)
LEADER: Texts = {
    "too_many": (
        "Đường dẫn có quá nhiều giá trị cho “{value}”; chỉ đọc {n} giá trị đầu.",
        "The link has too many values for “{value}”; only the first {n} are read.",
    ),
    "bad_value": (
        "Giá trị “{value}” của tham số “{param}” không hợp lệ; đã bỏ qua.",
        "Value “{value}” of parameter “{param}” is not valid; ignored.",
    ),
    "bad_choice": (
        "Lựa chọn trong đường dẫn (tham số “{param}”) không có ở trang này với bộ lọc đang chọn; hiển thị lựa chọn "
        "mặc định.",
        "The link's choice (parameter “{param}”) is not offered on this page for the current filter; showing the "
        "default.",
    ),
    "filter_visits": ("Lọc sự kiện", "Which visits"),
    "filter_visits_help": (
        "Cấp, loại sự kiện và cơ quan chỉ lọc các sự kiện (đoàn khảo sát, kiểm tra…), không lọc số liệu chỉ tiêu.",
        "Level, kind and visiting body narrow the visits (surveys, inspections…), not the indicator values.",
    ),
    "filter_levels": ("Cấp của cơ quan đến", "Visiting body's level"),
    "filter_kinds": ("Loại sự kiện", "Kind of visit"),
    "filter_bodies": ("Cơ quan đến", "Visiting body"),
    "filter_all": ("Tất cả", "All"),
    "page_search": ("Tìm kiếm", "Search"),
    "search_box": (
        "Tìm trong sự kiện, kiến nghị, số liệu, văn bản, nguồn",
        "Search visits, recommendations, values, documents, sources",
    ),
    "search_hint": ("Gõ có dấu hoặc không dấu, ví dụ: dan van kheo", "With or without diacritics, e.g. dan van kheo"),
    "search_scope": (
        "Sự kiện, kết quả, hạn chế, chỉ đạo và kiến nghị, số liệu (kèm câu trích) trong bộ lọc đang chọn; văn bản và "
        "nguồn: tất cả. Mỗi kết quả có đường dẫn mở đúng trang với bộ lọc này.",
        "Visits, results, limitations, directions and recommendations, values (with their quotes) in the current "
        "filter; documents and sources: all. Each hit links to its page with this filter.",
    ),
    "search_none": ("Không tìm thấy “{words}” trong {filter}.", "Nothing found for “{words}” in {filter}."),
    "search_found": ("**{n} kết quả**: {kinds}.", "**{n} results**: {kinds}."),
    "search_first": ("Hiển thị {n} kết quả đầu tiên.", "Showing the first {n} results."),
    "search_open": ("Mở trong trang {page}", "Open in {page}"),
    "fu_open": ("Mở sự kiện trên Dòng thời gian", "Open the event on the Timeline"),
    "search_kind_visit": ("Sự kiện", "Visits"),
    "search_kind_direction": ("Chỉ đạo, kiến nghị", "Directions and recommendations"),
    "search_kind_result": ("Kết quả", "Results achieved"),
    "search_kind_limitation": ("Hạn chế", "Limitations"),
    "search_kind_value": ("Số liệu", "Values"),
    "search_kind_document": ("Văn bản", "Documents"),
    "search_kind_source": ("Nguồn", "Sources"),
    "page_changes": ("Mới cập nhật", "What changed"),
    "changes_since": ("Có gì mới sau ngày (ví dụ: ngày họp trước)", "What is new after (e.g. the last meeting)"),
    "changes_what": (
        "“Mới” nghĩa là: bản ghi được người biên tập lưu sau ngày này (theo nhật ký lưu), hoặc — với bản ghi "
        "không có trong nhật ký — lấy từ nguồn đăng sau ngày này (nguồn chỉ ghi tháng hoặc năm tính là ngày "
        "cuối tháng, cuối năm). Dữ liệu không ghi ngày thu thập nguồn.",
        "“New” means: saved by a curator after this day (by the save log), or — for records not in the "
        "log — taken from a source published after this day (a source dated by month or year counts from its last "
        "day). The data does not record when a source was retrieved.",
    ),
    "changes_none": ("Không có gì mới sau ngày {day} trong {filter}.", "Nothing new after {day} in {filter}."),
    "changes_no_data": ("Không có dữ liệu có ngày trong bộ lọc này.", "No dated records in this filter."),
    "changes_sources": ("Nguồn mới", "New sources"),
    "changes_visits": ("Sự kiện mới", "New visits"),
    "changes_values": ("Số liệu mới", "New values"),
    "changes_newest": ("Bản ghi mới nhất: {day}.", "Newest record: {day}."),
    "changes_basis_saved": ("lưu ngày {day}", "saved {day}"),
    "changes_basis_published": ("nguồn đăng {day}", "source published {day}"),
    "results_title": ("Kết quả đạt được", "Results achieved"),
    "results_note": (
        "Giá trị mới nhất của các chỉ tiêu kết quả trong bộ lọc, đúng như nguồn ghi; so với chỉ tiêu kế hoạch khi dữ "
        "liệu có chỉ tiêu cho cùng nơi và kỳ.",
        "The latest value of each outcome indicator in the filter, as the source states it; against the planned "
        "target where the data holds one for the same place and period.",
    ),
    "results_none": (
        "Không có số liệu kết quả cấp tỉnh trong bộ lọc này.",
        "No province-level outcome figures in this filter.",
    ),
    "results_total": ("Tổng của {n} tỉnh · Kỳ {period}", "Total of {n} provinces · Period {period}"),
    "results_range": (
        "{n} tỉnh báo cáo: thấp nhất {low}, cao nhất {high} · Kỳ {period}",
        "{n} provinces report: lowest {low}, highest {high} · Period {period}",
    ),
    "results_two_values": ("{low} và {high}", "{low} and {high}"),  # two figures of their own periods, not a range
    # three or more figures of their own periods: the lowest and the highest, said to be so ("1.973 và 11.935" under
    # "3 tỉnh báo cáo" read as the only two)
    "results_low_high": ("{low} đến {high}", "{low} to {high}"),
    "results_low_high_periods": (
        "{n} tỉnh báo cáo, mỗi nơi một kỳ số liệu nên không so sánh được: thấp nhất {low_value} của {low}, kỳ "
        "{low_period}; cao nhất {high_value} của {high}, kỳ {high_period}",
        "{n} provinces report, each for its own period, so they do not compare: lowest {low_value}, {low}'s, period "
        "{low_period}; highest {high_value}, {high}'s, period {high_period}",
    ),
    "results_range_periods": (
        "{n} tỉnh báo cáo, mỗi nơi một kỳ số liệu nên không so sánh được: {low_value} là của {low}, kỳ {low_period}; "
        "{high_value} của {high}, kỳ {high_period}",
        "{n} provinces report, each for its own period, so they do not compare: {low_value} is {low}'s, period "
        "{low_period}; {high_value} {high}'s, period {high_period}",
    ),
    "results_achieved": (
        "Đạt **{share}** chỉ tiêu kế hoạch ({target}).",
        "**{share}** of the planned target ({target}).",
    ),
    "trends_title": ("Diễn biến qua các kỳ", "Change across periods"),
    "trends_note": (
        "Mỗi chỉ tiêu ở mỗi nơi có từ hai kỳ số liệu: các kỳ và mức thay đổi so với kỳ trước (điểm phần trăm với tỷ "
        "lệ; bình quân mỗi năm khi hai kỳ dài khác nhau).",
        "Each indicator at each place with two periods or more: the periods and the change since the previous one "
        "(percentage points for rates; per year when the two periods differ in length).",
    ),
    "trends_none": (
        "Chưa có chỉ tiêu nào có từ hai kỳ số liệu cho cùng một nơi trong bộ lọc này, nên chưa so được với kỳ trước.",
        "No indicator has two periods for the same place in this filter, so there is no previous period to compare.",
    ),
    "trends_more": ("Còn {n} dòng nữa (xem trang So sánh).", "{n} more rows (see the Compare page)."),
    "trends_indicator": ("Chỉ tiêu", "Indicator"),
    "place": ("Nơi", "Place"),
    "trends_periods": ("Các kỳ", "Periods"),
    "trends_change": ("Thay đổi so với kỳ trước", "Change since the previous period"),
    "trends_points": ("{n} điểm %", "{n} points"),
    "trends_per_year": ("/năm", "/year"),
    "results_records": ("Dữ liệu trong bộ lọc", "What the filter holds"),
    "page_followup": ("Theo dõi kiến nghị", "Recommendations"),
    "fu_note": (
        "Mỗi chỉ đạo, kiến nghị mà một đoàn đưa ra (theo nguồn), với tình trạng thực hiện do biên tập viên đánh dấu từ "
        "một nguồn về sau. Chưa có dấu nghĩa là chưa theo dõi, không có nghĩa là chưa thực hiện.",
        "Each direction or recommendation a visit gave (as its source states), with the state a curator marked from a "
        "later source. No mark means not yet followed up, not that nothing was done.",
    ),
    "fu_state_none": ("Chưa theo dõi", "Not followed up"),
    "fu_state_open": ("Chưa thực hiện", "Open"),
    "fu_state_in_progress": ("Đang thực hiện", "In progress"),
    "fu_state_done": ("Đã thực hiện", "Done"),
    "fu_state_dropped": ("Không tiếp tục", "Dropped"),
    "fu_show_all": ("Hiện cả kiến nghị đã thực hiện hoặc không tiếp tục", "Also show done and dropped ones"),
    # not "chưa xong": a recommendation nobody has followed up may well be done (fu_note)
    "fu_open_in": ("{place} · {n} chưa ghi nhận đã thực hiện", "{place} · {n} not yet recorded as done"),
    "fu_no_place": ("Không ghi nơi đến", "No host named"),
    "fu_none": (
        "Không có chỉ đạo, kiến nghị nào của các đoàn trong {filter}.",
        "No directions or recommendations of visits in {filter}.",
    ),
    "fu_all_closed": (
        "Mọi kiến nghị trong bộ lọc đã được đánh dấu thực hiện hoặc không tiếp tục.",
        "Every recommendation in the filter is marked done or dropped.",
    ),
    "fu_given": ("Trích từ nguồn", "Quoted from the source"),
    "fu_mark": ("Theo dõi: **{state}** ngày {day}", "Follow-up: **{state}** on {day}"),
    "fu_marks": ("({n} lần đánh dấu)", "({n} marks)"),
    "fu_form": ("Đánh dấu tình trạng (biên tập viên)", "Mark a state (curators)"),
    "fu_pick": ("Kiến nghị", "Recommendation"),
    "fu_state": ("Tình trạng", "State"),
    "fu_date": ("Ngày nguồn cho thấy tình trạng này", "Day the source shows this state"),
    "fu_source": ("Nguồn về sau", "Later source"),
    "fu_quote": ("Câu trích nguyên văn từ nguồn đó", "Verbatim quote from that source"),
    "fu_reason": ("Ghi chú (lý do lưu)", "Note (why)"),
    "fu_save": ("Lưu đánh dấu", "Save the mark"),
    "fu_saved": ("Đã lưu vào {files}.", "Saved to {files}."),
    "fu_failed": ("Không lưu được: {n} lỗi, không có gì bị ghi.", "Not saved: {n} problems, nothing was written."),
    "fu_need_reason": ("Hãy ghi lý do lưu.", "Please write why."),
    "compare_source_n": ("nguồn {}", "source {}"),  # the n-th of two sources' values of one place and period
    "compare_part_over_whole": (
        "Nguồn ghi một phần lớn hơn tổng của nó (cả hai đúng như nguồn viết; cần kiểm tra với nguồn):",
        "The source gives a part larger than its whole (both as the source writes them; check with the source):",
    ),
    "compare_part_over_whole_row": (
        "{place} — {part}: {n}, lớn hơn tổng {whole}",
        "{place} — {part}: {n}, more than the whole {whole}",
    ),
    "map_below_province": (
        "Chỉ tiêu này còn {n} giá trị cấp huyện, xã: bản đồ chỉ tô giá trị cấp tỉnh, xem đủ ở trang So sánh.",
        "This indicator has {n} more district or commune value{s}: the map colours province values only; see Compare.",
    ),
    "map_below_province_only": (
        "{n} chỉ tiêu chỉ có giá trị cấp huyện, xã nên không có trong danh sách trên: xem ở trang So sánh.",
        "{n} indicator{s} {have} district or commune values only, so they are not in the list above: see Compare.",
    ),
    "map_placeless": (
        "{n} sự kiện không ghi tỉnh nơi diễn ra nên không có trên bản đồ (các trang khác có tính).",
        "{n} event{s} name{verb_s} no province where held, so {they} not on the map (other pages count them).",
    ),
    "changes_more_visits": (
        "Còn {n} sự kiện mới khác, cũ hơn các sự kiện trên: xem trên Dòng thời gian.",
        "{n} more new event{s}, older than those above: see the Timeline.",
    ),
    "changes_more_values": (
        "Còn {n} số liệu mới khác không liệt kê ở đây; trang [Dữ liệu]({link}) có mọi số liệu của bộ lọc.",
        "{n} more new value{s} {are} not listed here; the [Data]({link}) page has every value of the filter.",
    ),
    "changes_undated": (
        "{n} nguồn không ghi ngày đăng nên không xếp được theo ngày.",
        "{n} source{s} {have} no publication date and cannot be placed.",
    ),
}
TEXTS = _merge(TEXTS, LEADER)


# Plotly's own texts (its chart toolbar and its notices), keyed by Plotly's English text as its locales are: a
# chart's config carries them (figures.charts.plotly_config), so that no English tooltip is left on a Vietnamese page.
PLOTLY_VI: dict[str, str] = {
    "Autoscale": "Tự căn khung",
    "Box Select": "Chọn theo khung",
    "Compare data on hover": "So sánh số liệu khi rê chuột",
    "Double-click on legend to isolate one trace": "Bấm đúp vào chú giải để chỉ xem một dãy",
    "Double-click to zoom back out": "Bấm đúp để trở lại như cũ",
    "Download plot": "Tải biểu đồ",
    "Download plot as a PNG": "Tải biểu đồ (ảnh PNG)",
    "Image download succeeded": "Đã tải ảnh biểu đồ",
    "Lasso Select": "Chọn theo nét vẽ",
    "Pan": "Kéo biểu đồ",
    "Reset": "Đặt lại",
    "Reset axes": "Đặt lại trục",
    "Reset view": "Đặt lại khung nhìn",
    "Reset views": "Đặt lại khung nhìn",
    "Show closest data on hover": "Hiện số liệu gần nhất khi rê chuột",
    "Preparing image - this may take a few seconds": "Đang tạo ảnh biểu đồ, xin chờ vài giây",
    "Sorry, there was a problem downloading your image!": "Không tải được ảnh biểu đồ.",
    "Toggle Spike Lines": "Bật/tắt đường gióng",
    "Toggle show closest data on hover": "Bật/tắt hiện số liệu gần nhất",
    "Zoom": "Phóng to vùng chọn",
    "Zoom in": "Phóng to",
    "Zoom out": "Thu nhỏ",
}
