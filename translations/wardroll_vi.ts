<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi_VN" sourcelanguage="en_US">
<context>
    <name>main</name>
    <message>
        <source>Usage: wardroll-cli VERB --db FILE [options]</source>
        <translation>Cách dùng: wardroll-cli LỆNH --db FILE [tuỳ chọn]</translation>
    </message>
    <message>
        <source>Verbs:</source>
        <translation>Các lệnh:</translation>
    </message>
    <message>
        <source>WardRoll could not open the ward file “%1”.</source>
        <translation>WardRoll không mở được tệp dữ liệu phường “%1”.</translation>
    </message>
    <message>
        <source>Check the file name, and that the file is a WardRoll ward that you may read and write. To try WardRoll with the demo ward instead, start it without --db.</source>
        <translation>Hãy kiểm tra tên tệp, và xem tệp có đúng là dữ liệu phường của WardRoll, có quyền đọc và ghi hay không. Muốn dùng thử WardRoll với phường mẫu, hãy khởi động mà không kèm --db.</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Đóng</translation>
    </message>
    <message>
        <source>Residents&apos; records for commune police</source>
        <translation>Hồ sơ dân cư dành cho Công an xã, phường</translation>
    </message>
    <message>
        <source>Ward database file. Without it, the demo ward opens (made on first run).</source>
        <translation>Tệp dữ liệu phường. Nếu không ghi, WardRoll mở phường mẫu (được tạo ở lần chạy đầu tiên).</translation>
    </message>
    <message>
        <source>Save a picture of the main window to FILE once the list shows, then exit.</source>
        <translation>Lưu ảnh cửa sổ chính vào tệp FILE khi danh sách đã hiện, rồi thoát.</translation>
    </message>
    <message>
        <source>Print the time from start to the first page of residents, then exit.</source>
        <translation>In thời gian từ lúc khởi động đến khi hiện trang danh sách đầu tiên, rồi thoát.</translation>
    </message>
    <message>
        <source>Check that the disk has free space and that you may write to this folder, then start WardRoll again.</source>
        <translation>Hãy kiểm tra ổ đĩa còn chỗ trống và có quyền ghi vào thư mục này, rồi khởi động lại WardRoll.</translation>
    </message>
    <message>
        <source>Run the cleaning from the window, print the longest time the window did not answer meanwhile, then exit.</source>
        <translation>Chạy làm sạch dữ liệu từ cửa sổ, in ra khoảng thời gian dài nhất cửa sổ không phản hồi trong lúc đó, rồi thoát.</translation>
    </message>
    <message>
        <source>Save pictures of the main screens (main window, resident form, household, cleaning queue, duplicates, sync panel, import wizard) to DIR, then exit. Runs the cleaning on the ward first.</source>
        <translation>Lưu ảnh các màn hình chính (cửa sổ chính, phiếu nhân khẩu, hộ, hàng đợi làm sạch, trùng lặp, bảng đồng bộ, trình nhập dữ liệu) vào thư mục DIR, rồi thoát. Chạy làm sạch dữ liệu trước.</translation>
    </message>
    <message>
        <source>Type TEXT into the search box key by key, print the time from each key to the list showing its rows, then exit.</source>
        <translation>Gõ TEXT vào ô tìm kiếm từng phím một, in ra thời gian từ mỗi lần gõ phím đến khi danh sách hiện kết quả, rồi thoát.</translation>
    </message>
    <message>
        <source>Run one sync round from the window (the ward must be enrolled), print the longest time the window did not answer meanwhile, then exit.</source>
        <translation>Chạy một lượt đồng bộ từ cửa sổ (phường phải đã đăng ký với máy chủ), in ra khoảng thời gian dài nhất cửa sổ không phản hồi trong lúc đó, rồi thoát.</translation>
    </message>
    <message>
        <source>Opening the ward file “%1”…
A ward saved by an older version of WardRoll is brought up to date first, once: this can take a minute.</source>
        <translation>Đang mở tệp dữ liệu phường “%1”…
Dữ liệu phường lưu bằng phiên bản WardRoll cũ hơn được cập nhật trước, chỉ một lần: việc này có thể mất khoảng một phút.</translation>
    </message>
</context>
<context>
    <name>wardroll::cli</name>
    <message>
        <source>Imports residents from a UTF-8 CSV file with a header line into the ward (created when missing), in one transaction. Rows that cannot be read are reported as &quot;line N: reason&quot; and skipped.</source>
        <translation>Nhập cư dân từ tệp CSV mã UTF-8 có dòng tiêu đề vào dữ liệu phường (tạo mới nếu chưa có), trong một giao dịch. Dòng nào không đọc được sẽ được báo dạng &quot;dòng N: lý do&quot; và bỏ qua.</translation>
    </message>
    <message>
        <source>Builds FIELD from columns of the file, e.g. &quot;full_name={surname} {given_name}&quot;. Repeatable; overrides the header&apos;s own matching for FIELD.</source>
        <translation>Ghép trường FIELD từ các cột của tệp, ví dụ &quot;full_name={surname} {given_name}&quot;. Dùng được nhiều lần; thay cho cách khớp theo dòng tiêu đề đối với trường FIELD.</translation>
    </message>
    <message>
        <source>The CSV file.</source>
        <translation>Tệp CSV.</translation>
    </message>
    <message>
        <source>Usage: wardroll-cli import --db FILE [--map FIELD=TEMPLATE ...] INPUT.csv</source>
        <translation>Cách dùng: wardroll-cli import --db FILE [--map FIELD=TEMPLATE ...] INPUT.csv</translation>
    </message>
    <message>
        <source>Missing --db FILE.</source>
        <translation>Thiếu --db FILE.</translation>
    </message>
    <message>
        <source>Importing</source>
        <translation>Đang nhập</translation>
    </message>
    <message>
        <source>warning: columns ignored (no matching field): %1</source>
        <translation>cảnh báo: bỏ qua các cột không khớp trường nào: %1</translation>
    </message>
    <message>
        <source>Writes the ward&apos;s live residents to a CSV file with the canonical columns (UTF-8, RFC 4180).</source>
        <translation>Xuất các hồ sơ cư dân hiện có của phường ra tệp CSV theo các cột chuẩn (UTF-8, RFC 4180).</translation>
    </message>
    <message>
        <source>The CSV file to write.</source>
        <translation>Tệp CSV cần ghi.</translation>
    </message>
    <message>
        <source>Usage: wardroll-cli export --db FILE --out OUT.csv</source>
        <translation>Cách dùng: wardroll-cli export --db FILE --out OUT.csv</translation>
    </message>
    <message>
        <source>Exporting</source>
        <translation>Đang xuất</translation>
    </message>
    <message>
        <source>Creates an empty ward.</source>
        <translation>Tạo dữ liệu phường trống.</translation>
    </message>
    <message>
        <source>Prints the ward&apos;s figures.</source>
        <translation>In các số liệu của phường.</translation>
    </message>
    <message>
        <source>Print JSON.</source>
        <translation>In dạng JSON.</translation>
    </message>
    <message>
        <source>Finds residents by name, ID or birth year.</source>
        <translation>Tìm cư dân theo tên, số định danh hoặc năm sinh.</translation>
    </message>
    <message>
        <source>At most N results (default 20).</source>
        <translation>Tối đa N kết quả (mặc định 20).</translation>
    </message>
    <message>
        <source>What to look for.</source>
        <translation>Nội dung cần tìm.</translation>
    </message>
    <message>
        <source>Usage: wardroll-cli search --db FILE [--limit N] QUERY</source>
        <translation>Cách dùng: wardroll-cli search --db FILE [--limit N] QUERY</translation>
    </message>
    <message>
        <source>Runs every consistency rule and duplicate detection on the ward and updates its flags.</source>
        <translation>Chạy mọi quy tắc kiểm tra và phát hiện trùng lặp trên dữ liệu phường, rồi cập nhật danh sách vấn đề.</translation>
    </message>
    <message>
        <source>Print the summary as JSON.</source>
        <translation>In bản tóm tắt dạng JSON.</translation>
    </message>
    <message>
        <source>Skip duplicate detection.</source>
        <translation>Bỏ qua bước phát hiện trùng lặp.</translation>
    </message>
    <message>
        <source>Worker threads (default: one per core).</source>
        <translation>Số luồng xử lý (mặc định: mỗi lõi một luồng).</translation>
    </message>
    <message>
        <source>Usage: wardroll-cli clean --db FILE [--json] [--no-duplicates] [--threads N]</source>
        <translation>Cách dùng: wardroll-cli clean --db FILE [--json] [--no-duplicates] [--threads N]</translation>
    </message>
    <message>
        <source>Cleaning</source>
        <translation>Đang làm sạch dữ liệu</translation>
    </message>
    <message>
        <source>Lists the ward&apos;s flags, errors first (open and in verification by default).</source>
        <translation>Liệt kê các vấn đề của phường, lỗi trước (mặc định: đang mở và đang xác minh).</translation>
    </message>
    <message>
        <source>Only this rule (repeatable; &quot;household.*&quot; for a family).</source>
        <translation>Chỉ quy tắc này (dùng được nhiều lần; &quot;household.*&quot; cho cả nhóm).</translation>
    </message>
    <message>
        <source>Only these severities: error, warning, info.</source>
        <translation>Chỉ các mức độ này: error, warning, info.</translation>
    </message>
    <message>
        <source>Only these states: open, in_verification, resolved, dismissed, closed, or all.</source>
        <translation>Chỉ các trạng thái này: open, in_verification, resolved, dismissed, closed, hoặc all.</translation>
    </message>
    <message>
        <source>Only this village.</source>
        <translation>Chỉ thôn/tổ dân phố này.</translation>
    </message>
    <message>
        <source>csv (default) or json.</source>
        <translation>csv (mặc định) hoặc json.</translation>
    </message>
    <message>
        <source>Usage: wardroll-cli flags --db FILE [--rule CODE] [--severity LIST] [--state LIST|all] [--village NAME] [--format csv|json]</source>
        <translation>Cách dùng: wardroll-cli flags --db FILE [--rule CODE] [--severity LIST] [--state LIST|all] [--village NAME] [--format csv|json]</translation>
    </message>
    <message>
        <source>Generates a realistic demo ward with known defects, duplicates and twins.</source>
        <translation>Tạo một phường mẫu sát thực tế, có sẵn các sai sót, hồ sơ trùng và trẻ sinh đôi đã biết trước.</translation>
    </message>
    <message>
        <source>Number of records to generate.</source>
        <translation>Số hồ sơ cần tạo.</translation>
    </message>
    <message>
        <source>Random seed (default 1): the same seed gives the same ward.</source>
        <translation>Hạt giống ngẫu nhiên (mặc định 1): cùng hạt giống cho ra cùng một phường.</translation>
    </message>
    <message>
        <source>Ward file to write (replaced if it exists).</source>
        <translation>Tệp dữ liệu phường cần ghi (ghi đè nếu đã có).</translation>
    </message>
    <message>
        <source>Folder for the truth files duplicates.csv, twins.csv and defects.csv.</source>
        <translation>Thư mục chứa các tệp đáp án duplicates.csv, twins.csv và defects.csv.</translation>
    </message>
    <message>
        <source>Usage: wardroll-cli demo --residents N [--seed S] --out FILE [--truth DIR]</source>
        <translation>Cách dùng: wardroll-cli demo --residents N [--seed S] --out FILE [--truth DIR]</translation>
    </message>
    <message>
        <source>Generating</source>
        <translation>Đang tạo</translation>
    </message>
    <message>
        <source>The ward file could not be moved into place: %1</source>
        <translation>Không chuyển được tệp dữ liệu phường vào vị trí: %1</translation>
    </message>
    <message>
        <source>Shows or updates one resident (by source reference or record id).</source>
        <translation>Xem hoặc cập nhật một cư dân (theo mã nguồn hoặc mã hồ sơ).</translation>
    </message>
    <message>
        <source>Source reference or record id.</source>
        <translation>Mã nguồn hoặc mã hồ sơ.</translation>
    </message>
    <message>
        <source>FIELD=VALUE, with the CSV field names (repeatable).</source>
        <translation>FIELD=VALUE, dùng tên trường như trong CSV (dùng được nhiều lần).</translation>
    </message>
    <message>
        <source>text or json.</source>
        <translation>text hoặc json.</translation>
    </message>
    <message>
        <source>show or update.</source>
        <translation>show hoặc update.</translation>
    </message>
    <message>
        <source>Usage: wardroll-cli resident show|update --db FILE --ref REF [--set FIELD=VALUE ...]</source>
        <translation>Cách dùng: wardroll-cli resident show|update --db FILE --ref REF [--set FIELD=VALUE ...]</translation>
    </message>
    <message>
        <source>Unknown field in “%1”; fields: %2</source>
        <translation>Trường không xác định trong “%1”; các trường: %2</translation>
    </message>
    <message>
        <source>No resident has the reference or id “%1”.</source>
        <translation>Không có cư dân nào có mã nguồn hoặc mã hồ sơ “%1”.</translation>
    </message>
    <message>
        <source>No household has the number “%1”.</source>
        <translation>Không có hộ nào có mã hộ “%1”.</translation>
    </message>
    <message>
        <source>“%1” is not a valid %2.</source>
        <translation>“%1” không phải là %2 hợp lệ.</translation>
    </message>
    <message>
        <source>Enrolls this ward with a sync hub, using a one-time code from the hub.</source>
        <translation>Đăng ký phường này với máy chủ đồng bộ, bằng mã dùng một lần do máy chủ cấp.</translation>
    </message>
    <message>
        <source>The hub&apos;s address, e.g. http://127.0.0.1:8470.</source>
        <translation>Địa chỉ máy chủ đồng bộ, ví dụ http://127.0.0.1:8470.</translation>
    </message>
    <message>
        <source>The enrollment code (wardroll-hub enrollment-code).</source>
        <translation>Mã đăng ký (wardroll-hub enrollment-code).</translation>
    </message>
    <message>
        <source>Usage: wardroll-cli enroll --db FILE --hub URL --code CODE</source>
        <translation>Cách dùng: wardroll-cli enroll --db FILE --hub URL --code CODE</translation>
    </message>
    <message>
        <source>Enrollment failed: %1</source>
        <translation>Đăng ký không thành công: %1</translation>
    </message>
    <message>
        <source>Enrolled device %1 with %2.</source>
        <translation>Đã đăng ký thiết bị %1 với %2.</translation>
    </message>
    <message>
        <source>One full sync round: push the outbox, pull and apply the hub&apos;s changes.</source>
        <translation>Một lượt đồng bộ đầy đủ: gửi các thay đổi đang chờ, nhận và áp dụng các thay đổi từ máy chủ.</translation>
    </message>
    <message>
        <source>Seconds to wait for each answer (default 30).</source>
        <translation>Số giây chờ mỗi phản hồi (mặc định 30).</translation>
    </message>
    <message>
        <source>Print the report as JSON.</source>
        <translation>In báo cáo dạng JSON.</translation>
    </message>
    <message>
        <source>Usage: wardroll-cli sync --db FILE [--timeout S]</source>
        <translation>Cách dùng: wardroll-cli sync --db FILE [--timeout S]</translation>
    </message>
    <message>
        <source>Sync failed: %1</source>
        <translation>Đồng bộ không thành công: %1</translation>
    </message>
    <message>
        <source>Lists the conflicts the hub recorded, with both values.</source>
        <translation>Liệt kê các xung đột máy chủ đã ghi nhận, kèm cả hai giá trị.</translation>
    </message>
    <message>
        <source>Usage: wardroll-cli conflicts --db FILE [--format text|json]</source>
        <translation>Cách dùng: wardroll-cli conflicts --db FILE [--format text|json]</translation>
    </message>
    <message>
        <source>hub: %1 (%2)</source>
        <translation>máy chủ: %1 (%2)</translation>
    </message>
    <message>
        <source>incoming: %1 (%2)</source>
        <translation>gửi đến: %1 (%2)</translation>
    </message>
    <message>
        <source>Writes every change-set not yet acknowledged by the hub to a signed file, to carry by hand (wardroll-hub import-outbox).</source>
        <translation>Ghi mọi gói thay đổi mà máy chủ chưa xác nhận ra một tệp có chữ ký, để mang đi trực tiếp (wardroll-hub import-outbox).</translation>
    </message>
    <message>
        <source>The file to write.</source>
        <translation>Tệp cần ghi.</translation>
    </message>
    <message>
        <source>Usage: wardroll-cli outbox-export --db FILE --out FILE</source>
        <translation>Cách dùng: wardroll-cli outbox-export --db FILE --out FILE</translation>
    </message>
    <message>
        <source>The file “%1” could not be written.</source>
        <translation>Không ghi được tệp “%1”.</translation>
    </message>
    <message>
        <source>Wrote %1 change-sets to %2.</source>
        <translation>Đã ghi %1 gói thay đổi vào %2.</translation>
    </message>
    <message>
        <source>Finds residents recorded more than once. Prints one row per record of every cluster of probable duplicates (with --include-possible, possible ones too): cluster,level,source_ref,score,resident_id. score is the record&apos;s strongest match weight (log2 odds) within its cluster; source_ref is the record&apos;s id when it has none. Read-only: nothing is merged or flagged.</source>
        <translation>Tìm công dân được ghi nhận nhiều lần. In một dòng cho mỗi bản ghi của từng nhóm có khả năng cao trùng lặp (với --include-possible, cả các nhóm có thể trùng): cluster,level,source_ref,score,resident_id. score là trọng số khớp mạnh nhất (log2 tỉ lệ) của bản ghi trong nhóm; source_ref là mã bản ghi nếu không có mã nguồn. Chỉ đọc: không gộp, không gắn cờ.</translation>
    </message>
    <message>
        <source>Also list clusters of possible duplicates.</source>
        <translation>Liệt kê cả các nhóm có thể trùng lặp.</translation>
    </message>
    <message>
        <source>Usage: wardroll-cli duplicates --db FILE [--format csv|json] [--include-possible]</source>
        <translation>Cách dùng: wardroll-cli duplicates --db TỆP [--format csv|json] [--include-possible]</translation>
    </message>
    <message>
        <source>Finding duplicates</source>
        <translation>Đang tìm bản ghi trùng lặp</translation>
    </message>
    <message>
        <source>No resident %1.</source>
        <translation>Không có công dân %1.</translation>
    </message>
    <message>
        <source>Merges residents recorded more than once into one record (the survivor keeps its id; the others are kept, marked as merged into it). Fields keep the survivor&apos;s value unless --take names another record. Prints the merge&apos;s id, for unmerge.</source>
        <translation>Gộp các bản ghi của cùng một công dân thành một (bản ghi giữ lại giữ nguyên mã; các bản ghi kia vẫn được lưu, đánh dấu đã gộp vào nó). Mỗi trường giữ giá trị của bản ghi giữ lại, trừ khi --take chỉ định bản ghi khác. In ra mã lần gộp để dùng cho unmerge.</translation>
    </message>
    <message>
        <source>The record to keep (source_ref or id).</source>
        <translation>Bản ghi giữ lại (source_ref hoặc mã).</translation>
    </message>
    <message>
        <source>A record to merge into it (repeatable).</source>
        <translation>Bản ghi gộp vào bản ghi giữ lại (có thể lặp lại).</translation>
    </message>
    <message>
        <source>Take FIELD&apos;s value from record REF, e.g. email=B12 (repeatable). Fields: %1.</source>
        <translation>Lấy giá trị của TRƯỜNG từ bản ghi REF, ví dụ email=B12 (có thể lặp lại). Các trường: %1.</translation>
    </message>
    <message>
        <source>Why (documents checked).</source>
        <translation>Lý do (giấy tờ đã đối chiếu).</translation>
    </message>
    <message>
        <source>Who merges (default: local).</source>
        <translation>Người gộp (mặc định: local).</translation>
    </message>
    <message>
        <source>Usage: wardroll-cli merge --db FILE --survivor REF --other REF [--take FIELD=REF ...] [--note TEXT]</source>
        <translation>Cách dùng: wardroll-cli merge --db TỆP --survivor REF --other REF [--take TRƯỜNG=REF ...] [--note GHI_CHÚ]</translation>
    </message>
    <message>
        <source>--take wants FIELD=REF, not &quot;%1&quot;.</source>
        <translation>--take cần dạng TRƯỜNG=REF, không phải &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a field that can be merged.</source>
        <translation>&quot;%1&quot; không phải là trường có thể gộp.</translation>
    </message>
    <message>
        <source>Undoes a merge: every record as it was before. Refused when a record changed since the merge.</source>
        <translation>Hoàn tác một lần gộp: mọi bản ghi trở lại như trước. Bị từ chối nếu có bản ghi đã thay đổi sau khi gộp.</translation>
    </message>
    <message>
        <source>The merge&apos;s id (printed by merge).</source>
        <translation>Mã lần gộp (do lệnh merge in ra).</translation>
    </message>
    <message>
        <source>Who undoes it (default: local).</source>
        <translation>Người hoàn tác (mặc định: local).</translation>
    </message>
    <message>
        <source>Usage: wardroll-cli unmerge --db FILE --merge ID</source>
        <translation>Cách dùng: wardroll-cli unmerge --db TỆP --merge MÃ</translation>
    </message>
    <message>
        <source>merge %1 undone</source>
        <translation>đã hoàn tác lần gộp %1</translation>
    </message>
    <message>
        <source>After the hub released this device: seal the refused change-set and those behind it again, continuing the hub&apos;s chain, and send them.</source>
        <translation>Sau khi máy chủ đồng bộ đã gỡ giữ thiết bị này: ký lại gói thay đổi bị từ chối và các gói sau nó, nối tiếp chuỗi của máy chủ, rồi gửi đi.</translation>
    </message>
    <message>
        <source>Usage: wardroll-cli conflicts --db FILE --resolve ID --take local|hub|incoming|value [--value V]</source>
        <translation>Cách dùng: wardroll-cli conflicts --db TỆP --resolve MÃ --take local|hub|incoming|value [--value GIÁ_TRỊ]</translation>
    </message>
    <message>
        <source>The conflict was not settled: %1</source>
        <translation>Chưa xử lý được xung đột: %1</translation>
    </message>
    <message>
        <source>Settles the conflict with this id (see --take).</source>
        <translation>Xử lý xung đột có mã này (xem --take).</translation>
    </message>
    <message>
        <source>With --resolve: local (the value made on this device), hub (the value the hub kept), incoming (the value it set aside) or value (--value).</source>
        <translation>Dùng với --resolve: local (giá trị nhập trên máy này), hub (giá trị máy chủ giữ), incoming (giá trị bị gác lại) hoặc value (--value).</translation>
    </message>
    <message>
        <source>With --take value: the value to write (empty: none).</source>
        <translation>Dùng với --take value: giá trị cần ghi (để trống: không có giá trị).</translation>
    </message>
</context>
<context>
    <name>wardroll::cli::CliSupport</name>
    <message>
        <source>Ward database file.</source>
        <translation>Tệp dữ liệu phường.</translation>
    </message>
    <message>
        <source>Missing --db FILE.</source>
        <translation>Thiếu --db FILE.</translation>
    </message>
</context>
<context>
    <name>wardroll::hub</name>
    <message>
        <source>Hub store: sqlite:PATH or postgresql://[user@]host[:port]/database.</source>
        <translation>Nơi lưu của máy chủ đồng bộ: sqlite:ĐƯỜNG_DẪN hoặc postgresql://[người_dùng@]máy[:cổng]/cơ_sở_dữ_liệu.</translation>
    </message>
    <message>
        <source>Serves the sync API.</source>
        <translation>Phục vụ giao diện đồng bộ (API).</translation>
    </message>
    <message>
        <source>Address and port (default 127.0.0.1:8470; port 0 picks one).</source>
        <translation>Địa chỉ và cổng (mặc định 127.0.0.1:8470; cổng 0 để tự chọn).</translation>
    </message>
    <message>
        <source>Largest request body accepted, in bytes.</source>
        <translation>Kích thước tối đa của nội dung yêu cầu, tính bằng byte.</translation>
    </message>
    <message>
        <source>Usage: wardroll-hub serve --listen HOST:PORT --store STORE</source>
        <translation>Cách dùng: wardroll-hub serve --listen MÁY:CỔNG --store NƠI_LƯU</translation>
    </message>
    <message>
        <source>Warning: the hub listens beyond this machine without TLS; put it behind a reverse proxy with TLS and a body size limit.</source>
        <translation>Cảnh báo: máy chủ đồng bộ đang nhận kết nối từ ngoài máy này mà không có TLS; hãy đặt nó sau một reverse proxy có TLS và giới hạn kích thước yêu cầu.</translation>
    </message>
    <message>
        <source>Prints a one-time enrollment code for a new device (last line).</source>
        <translation>In mã đăng ký dùng một lần cho thiết bị mới (ở dòng cuối).</translation>
    </message>
    <message>
        <source>A name for the device.</source>
        <translation>Tên thiết bị.</translation>
    </message>
    <message>
        <source>How long the code stays valid (default 24).</source>
        <translation>Thời hạn hiệu lực của mã, tính bằng giờ (mặc định 24).</translation>
    </message>
    <message>
        <source>Usage: wardroll-hub enrollment-code --store STORE --device-name NAME</source>
        <translation>Cách dùng: wardroll-hub enrollment-code --store NƠI_LƯU --device-name TÊN</translation>
    </message>
    <message>
        <source>Enrollment code for “%1” (valid %2 h, once):</source>
        <translation>Mã đăng ký cho “%1” (hiệu lực %2 giờ, dùng một lần):</translation>
    </message>
    <message>
        <source>Lists the enrolled devices.</source>
        <translation>Liệt kê các thiết bị đã đăng ký.</translation>
    </message>
    <message>
        <source>text or json.</source>
        <translation>text hoặc json.</translation>
    </message>
    <message>
        <source>Revokes a device: the hub refuses everything it sends.</source>
        <translation>Thu hồi một thiết bị: máy chủ từ chối mọi dữ liệu thiết bị đó gửi lên.</translation>
    </message>
    <message>
        <source>Releases a device held after a fork or a gap.</source>
        <translation>Gỡ giữ một thiết bị bị tạm giữ do chuỗi thay đổi bị rẽ nhánh hoặc bị hở.</translation>
    </message>
    <message>
        <source>The device id.</source>
        <translation>Mã thiết bị.</translation>
    </message>
    <message>
        <source>Why (kept with the device).</source>
        <translation>Lý do (được lưu cùng thiết bị).</translation>
    </message>
    <message>
        <source>Missing --device ID.</source>
        <translation>Thiếu --device MÃ.</translation>
    </message>
    <message>
        <source>Revoked %1.</source>
        <translation>Đã thu hồi %1.</translation>
    </message>
    <message>
        <source>Released %1.</source>
        <translation>Đã gỡ giữ %1.</translation>
    </message>
    <message>
        <source>Imports an outbox file exported by wardroll-cli outbox-export.</source>
        <translation>Nhập tệp hàng đợi gửi do wardroll-cli outbox-export xuất ra.</translation>
    </message>
    <message>
        <source>The outbox file.</source>
        <translation>Tệp hàng đợi gửi.</translation>
    </message>
    <message>
        <source>Usage: wardroll-hub import-outbox --store STORE FILE</source>
        <translation>Cách dùng: wardroll-hub import-outbox --store NƠI_LƯU TỆP</translation>
    </message>
    <message>
        <source>The file “%1” could not be read.</source>
        <translation>Không đọc được tệp “%1”.</translation>
    </message>
    <message>
        <source>The file is too large.</source>
        <translation>Tệp quá lớn.</translation>
    </message>
    <message>
        <source>Refused: %1</source>
        <translation>Bị từ chối: %1</translation>
    </message>
    <message>
        <source>%1 change-sets were accepted before the refusal.</source>
        <translation>Đã nhận %1 gói thay đổi trước khi bị từ chối.</translation>
    </message>
    <message>
        <source>Accepted %1 change-sets.</source>
        <translation>Đã nhận %1 gói thay đổi.</translation>
    </message>
    <message>
        <source>Usage: wardroll-hub VERB [options]</source>
        <translation>Cách dùng: wardroll-hub LỆNH [tùy chọn]</translation>
    </message>
    <message>
        <source>Verbs:</source>
        <translation>Các lệnh:</translation>
    </message>
</context>
<context>
    <name>wardroll::model::ChangeApplier</name>
    <message>
        <source>The outbox changed while it was read.</source>
        <translation>Hàng đợi gửi đã thay đổi trong lúc đang đọc.</translation>
    </message>
</context>
<context>
    <name>wardroll::model::ChangeRecorder</name>
    <message>
        <source>The ward database lacks a table that sync needs.</source>
        <translation>Cơ sở dữ liệu phường thiếu một bảng cần cho việc đồng bộ.</translation>
    </message>
    <message>
        <source>The change could not be recorded for sync; nothing was saved.</source>
        <translation>Không ghi nhận được thay đổi để đồng bộ; chưa có gì được lưu.</translation>
    </message>
</context>
<context>
    <name>wardroll::model::ChangeSet</name>
    <message>
        <source>The change-set is damaged.</source>
        <translation>Gói thay đổi bị hỏng.</translation>
    </message>
</context>
<context>
    <name>wardroll::model::ChipCardQr</name>
    <message>
        <source>The scanned code is empty.</source>
        <translation>Mã vừa quét không có nội dung.</translation>
    </message>
    <message>
        <source>This is not the QR code of a chip ID card: its parts are not separated by “|”.</source>
        <translation>Đây không phải mã QR trên thẻ Căn cước công dân gắn chip: các phần không được ngăn cách bằng dấu “|”.</translation>
    </message>
    <message>
        <source>The QR code has %1 parts, a chip ID card has 7 (at least 6): scan it again.</source>
        <translation>Mã QR có %1 phần, mã trên thẻ CCCD có 7 phần (ít nhất 6): hãy quét lại.</translation>
    </message>
    <message>
        <source>The first part of the QR code should be the 12-digit personal ID, but it is “%1”.</source>
        <translation>Phần đầu của mã QR phải là số định danh cá nhân 12 chữ số, nhưng lại là “%1”.</translation>
    </message>
    <message>
        <source>The second part of the QR code should be the old 9-digit ID card number or empty, but it is “%1”.</source>
        <translation>Phần thứ hai của mã QR phải là số CMND cũ 9 chữ số hoặc để trống, nhưng lại là “%1”.</translation>
    </message>
    <message>
        <source>The third part of the QR code should be the full name, but it is “%1”.</source>
        <translation>Phần thứ ba của mã QR phải là họ và tên, nhưng lại là “%1”.</translation>
    </message>
    <message>
        <source>The date of birth in the QR code (“%1”) is not a date written as ddmmyyyy.</source>
        <translation>Ngày sinh trong mã QR (“%1”) không phải ngày viết theo dạng ngàythángnăm (ddmmyyyy).</translation>
    </message>
    <message>
        <source>The date of birth in the QR code (“%1”) is not a real date.</source>
        <translation>Ngày sinh trong mã QR (“%1”) không phải là ngày có thật.</translation>
    </message>
    <message>
        <source>The sex in the QR code (“%1”) is neither “Nam” nor “Nữ”.</source>
        <translation>Giới tính trong mã QR (“%1”) không phải “Nam” hay “Nữ”.</translation>
    </message>
    <message>
        <source>The issue date in the QR code (“%1”) is not a date written as ddmmyyyy.</source>
        <translation>Ngày cấp trong mã QR (“%1”) không phải ngày viết theo dạng ngàythángnăm (ddmmyyyy).</translation>
    </message>
</context>
<context>
    <name>wardroll::model::CleaningRun</name>
    <message>
        <source>The cleaning run was cancelled.</source>
        <translation>Đã huỷ lượt làm sạch dữ liệu.</translation>
    </message>
</context>
<context>
    <name>wardroll::model::CsvExporter</name>
    <message>
        <source>The file “%1” could not be created.</source>
        <translation>Không tạo được tệp “%1”.</translation>
    </message>
    <message>
        <source>The file “%1” could not be written.</source>
        <translation>Không ghi được tệp “%1”.</translation>
    </message>
    <message>
        <source>The export was cancelled; no file was written.</source>
        <translation>Đã huỷ việc xuất dữ liệu; không tệp nào được ghi.</translation>
    </message>
</context>
<context>
    <name>wardroll::model::CsvFieldMap</name>
    <message>
        <source>“%1” is not a field mapping: write FIELD=TEMPLATE, for example full_name={surname} {given_name}.</source>
        <translation>“%1” không phải là cách ghép trường: hãy viết FIELD=TEMPLATE, ví dụ full_name={surname} {given_name}.</translation>
    </message>
    <message>
        <source>“%1” is not a resident field. Fields: %2.</source>
        <translation>“%1” không phải là trường của hồ sơ cư dân. Các trường: %2.</translation>
    </message>
    <message>
        <source>The template for %1 has a “}” without “{”; write “}}” for a brace.</source>
        <translation>Mẫu của %1 có dấu “}” mà không có “{”; muốn ghi chính dấu ngoặc thì viết “}}”.</translation>
    </message>
    <message>
        <source>The template for %1 has a “{” without “}”.</source>
        <translation>Mẫu của %1 có dấu “{” mà không có “}”.</translation>
    </message>
    <message>
        <source>The template for %1 names the column “%2”, which the file does not have. Columns: %3.</source>
        <translation>Mẫu của %1 dùng cột “%2” nhưng tệp không có cột này. Các cột: %3.</translation>
    </message>
    <message>
        <source>The template for %1 is empty.</source>
        <translation>Mẫu của %1 đang để trống.</translation>
    </message>
    <message>
        <source>(column %1, no name)</source>
        <translation>(cột %1, không có tên)</translation>
    </message>
</context>
<context>
    <name>wardroll::model::CsvImporter</name>
    <message>
        <source>“%1” is a folder, not a CSV file.</source>
        <translation>“%1” là thư mục, không phải tệp CSV.</translation>
    </message>
    <message>
        <source>The file “%1” could not be opened.</source>
        <translation>Không mở được tệp “%1”.</translation>
    </message>
    <message>
        <source>The file is empty.</source>
        <translation>Tệp không có nội dung.</translation>
    </message>
    <message>
        <source>The header line cannot be read.</source>
        <translation>Không đọc được dòng tiêu đề.</translation>
    </message>
    <message>
        <source>line %1: %2</source>
        <translation>dòng %1: %2</translation>
    </message>
    <message>
        <source>No column of the file is a resident field. Name the columns as in the form (Họ và tên, Ngày sinh, …) or map them with FIELD=TEMPLATE.</source>
        <translation>Không cột nào của tệp khớp với trường của hồ sơ cư dân. Hãy đặt tên cột như trên biểu mẫu (Họ và tên, Ngày sinh, …) hoặc ghép trường bằng FIELD=TEMPLATE.</translation>
    </message>
    <message>
        <source>columns: %1</source>
        <translation>các cột: %1</translation>
    </message>
    <message>
        <source>The import was cancelled; the ward is unchanged.</source>
        <translation>Đã huỷ việc nhập dữ liệu; dữ liệu phường không thay đổi.</translation>
    </message>
    <message>
        <source>expected %1 columns as in the header, found %2</source>
        <translation>cần %1 cột như dòng tiêu đề, nhưng có %2 cột</translation>
    </message>
    <message>
        <source>source_ref “%1” already appears on line %2; this row is not imported</source>
        <translation>source_ref “%1” đã có ở dòng %2; dòng này không được nhập</translation>
    </message>
    <message>
        <source>source_ref “%1” is already in the ward (record %2); this row is not imported</source>
        <translation>source_ref “%1” đã có trong dữ liệu phường (hồ sơ %2); dòng này không được nhập</translation>
    </message>
    <message>
        <source>The file has a header line but no rows.</source>
        <translation>Tệp chỉ có dòng tiêu đề, không có dòng dữ liệu nào.</translation>
    </message>
</context>
<context>
    <name>wardroll::model::CsvReader</name>
    <message>
        <source>The file could not be read.</source>
        <translation>Không đọc được tệp.</translation>
    </message>
    <message>
        <source>after %1 bytes: %2</source>
        <translation>sau %1 byte: %2</translation>
    </message>
    <message>
        <source>The file became shorter while it was being read.</source>
        <translation>Tệp bị ngắn đi trong lúc đang đọc.</translation>
    </message>
    <message>
        <source>%1 of %2 bytes read</source>
        <translation>đã đọc %1 trên %2 byte</translation>
    </message>
    <message>
        <source>a quoted field opened on this line is never closed</source>
        <translation>một ô mở dấu ngoặc kép ở dòng này nhưng không được đóng lại</translation>
    </message>
    <message>
        <source>column %1 is not valid UTF-8 text (the file may use an older Vietnamese encoding)</source>
        <translation>cột %1 không phải văn bản UTF-8 hợp lệ (tệp có thể dùng bảng mã tiếng Việt cũ)</translation>
    </message>
</context>
<context>
    <name>wardroll::model::DemoTruth</name>
    <message>
        <source>The folder for the truth files could not be created.</source>
        <translation>Không tạo được thư mục chứa các tệp đáp án.</translation>
    </message>
    <message>
        <source>A truth file could not be written.</source>
        <translation>Không ghi được một tệp đáp án.</translation>
    </message>
</context>
<context>
    <name>wardroll::model::DemoWardGenerator</name>
    <message>
        <source>Generating the demo ward was cancelled.</source>
        <translation>Đã huỷ việc tạo phường mẫu.</translation>
    </message>
    <message>
        <source>A demo ward needs at least one resident.</source>
        <translation>Phường mẫu cần có ít nhất một cư dân.</translation>
    </message>
    <message>
        <source>A demo ward can only be generated into an empty ward.</source>
        <translation>Chỉ tạo được phường mẫu trong một dữ liệu phường trống.</translation>
    </message>
</context>
<context>
    <name>wardroll::model::DuplicateDetector</name>
    <message>
        <source>Duplicate detection was cancelled.</source>
        <translation>Đã huỷ việc phát hiện trùng lặp.</translation>
    </message>
</context>
<context>
    <name>wardroll::model::DuplicateExplanation</name>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1 (%2) and %3 (%4)</source>
        <translation>%1 (%2) và %3 (%4)</translation>
    </message>
    <message>
        <source>%1 are probably the same person (match weight %2): %3.</source>
        <translation>%1 nhiều khả năng là cùng một người (điểm khớp %2): %3.</translation>
    </message>
    <message>
        <source>%1 may be the same person (match weight %2): %3.</source>
        <translation>%1 có thể là cùng một người (điểm khớp %2): %3.</translation>
    </message>
    <message>
        <source>Against: %1.</source>
        <translation>Điểm khác: %1.</translation>
    </message>
    <message>
        <source>The family and given names are written the other way round.</source>
        <translation>Họ và tên được viết đảo ngược thứ tự.</translation>
    </message>
</context>
<context>
    <name>wardroll::model::Flag</name>
    <message>
        <source>open</source>
        <translation>mới phát hiện</translation>
    </message>
    <message>
        <source>in verification</source>
        <translation>đang xác minh</translation>
    </message>
    <message>
        <source>resolved</source>
        <translation>đã xử lý</translation>
    </message>
    <message>
        <source>dismissed</source>
        <translation>đã bỏ qua</translation>
    </message>
    <message>
        <source>closed</source>
        <translation>đã đóng</translation>
    </message>
    <message>
        <source>corrected</source>
        <translation>đã sửa</translation>
    </message>
    <message>
        <source>merged</source>
        <translation>đã gộp</translation>
    </message>
    <message>
        <source>escalated</source>
        <translation>chuyển cấp trên</translation>
    </message>
    <message>
        <source>error</source>
        <translation>lỗi</translation>
    </message>
    <message>
        <source>warning</source>
        <translation>cảnh báo</translation>
    </message>
    <message>
        <source>info</source>
        <translation>thông tin</translation>
    </message>
</context>
<context>
    <name>wardroll::model::FlagStore</name>
    <message>
        <source>This flag does not exist.</source>
        <translation>Vấn đề này không tồn tại.</translation>
    </message>
    <message>
        <source>Give the reason why this flag is dismissed.</source>
        <translation>Hãy ghi lý do bỏ qua vấn đề này.</translation>
    </message>
    <message>
        <source>Say how the flag was resolved: corrected, merged or escalated.</source>
        <translation>Hãy cho biết vấn đề được xử lý thế nào: đã chỉnh sửa, đã gộp hay đã báo cáo cấp trên.</translation>
    </message>
    <message>
        <source>Only a resolved flag has a resolution.</source>
        <translation>Chỉ vấn đề đã xử lý mới có cách xử lý.</translation>
    </message>
    <message>
        <source>A flag that is %1 cannot become %2.</source>
        <translation>Vấn đề ở trạng thái “%1” không thể chuyển sang “%2”.</translation>
    </message>
    <message>
        <source>The cleaning run was cancelled.</source>
        <translation>Đã huỷ lượt làm sạch dữ liệu.</translation>
    </message>
    <message>
        <source>Raised by a cleaning run.</source>
        <translation>Phát hiện qua một lượt làm sạch dữ liệu.</translation>
    </message>
    <message>
        <source>Reopened: the record changed after the flag was dismissed.</source>
        <translation>Mở lại: hồ sơ đã thay đổi sau khi vấn đề được bỏ qua.</translation>
    </message>
    <message>
        <source>Reopened: the cause is still there after the flag was resolved as %1.</source>
        <translation>Mở lại: nguyên nhân vẫn còn dù vấn đề đã được xử lý (%1).</translation>
    </message>
    <message>
        <source>Reopened: the record changed after the flag was resolved as %1.</source>
        <translation>Mở lại: hồ sơ đã thay đổi sau khi vấn đề được xử lý (%1).</translation>
    </message>
    <message>
        <source>Reopened: the cause is back.</source>
        <translation>Mở lại: nguyên nhân xuất hiện trở lại.</translation>
    </message>
    <message>
        <source>Closed: the cleaning run no longer finds the cause.</source>
        <translation>Đóng: lượt làm sạch dữ liệu không còn thấy nguyên nhân.</translation>
    </message>
    <message>
        <source>This flag waits for the commune police chief: only he may decide on it.</source>
        <translation>Cờ này đang chờ Trưởng Công an xã: chỉ Trưởng Công an xã được quyết định.</translation>
    </message>
    <message>
        <source>An escalated flag can be approved as corrected, dismissed or sent back for verification.</source>
        <translation>Cờ đã chuyển cấp trên chỉ có thể được duyệt là đã sửa, bỏ qua hoặc trả lại để xác minh.</translation>
    </message>
</context>
<context>
    <name>wardroll::model::HouseholdMembership</name>
    <message>
        <source>The former head cannot stay “%1”: choose their relationship to the new head.</source>
        <translation>Chủ hộ cũ không thể vẫn là “%1”: hãy chọn quan hệ của người đó với chủ hộ mới.</translation>
    </message>
    <message>
        <source>The household no longer exists.</source>
        <translation>Hộ này không còn trong dữ liệu.</translation>
    </message>
    <message>
        <source>The new head must be a member of the household.</source>
        <translation>Chủ hộ mới phải là thành viên của hộ.</translation>
    </message>
    <message>
        <source>Choose the former head&apos;s relationship to the new head (for example “Vợ” or “Chồng”).</source>
        <translation>Hãy chọn quan hệ của chủ hộ cũ với chủ hộ mới (ví dụ “Vợ” hoặc “Chồng”).</translation>
    </message>
    <message>
        <source>Choose the person&apos;s relationship to the head of the new household.</source>
        <translation>Hãy chọn quan hệ của người này với chủ hộ của hộ mới.</translation>
    </message>
    <message>
        <source>This record was deleted or merged into another one: it cannot be moved.</source>
        <translation>Hồ sơ này đã bị xóa hoặc đã gộp vào hồ sơ khác: không thể chuyển hộ.</translation>
    </message>
    <message>
        <source>The person already belongs to this household.</source>
        <translation>Người này đã thuộc hộ này.</translation>
    </message>
    <message>
        <source>Household %1 already has a head. Move the person with another relationship, then change the head.</source>
        <translation>Hộ %1 đã có chủ hộ. Hãy chuyển người này vào hộ với quan hệ khác, sau đó đổi chủ hộ.</translation>
    </message>
    <message>
        <source>To make someone the household head, use “Make head” in the household view.</source>
        <translation>Để đặt một người làm chủ hộ, hãy dùng nút “Đặt làm chủ hộ” trong màn hình hộ.</translation>
    </message>
    <message>
        <source>%1 is the household head: make another member the head instead.</source>
        <translation>%1 đang là chủ hộ: hãy đặt thành viên khác làm chủ hộ.</translation>
    </message>
</context>
<context>
    <name>wardroll::model::HouseholdRules</name>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message numerus="yes">
        <source>Household %1 has no head (“%2”) among its %n member(s).</source>
        <translation>
            <numerusform>Hộ %1 không có chủ hộ (“%2”) trong số %n thành viên.</numerusform>
        </translation>
    </message>
    <message>
        <source>Household %1 has %2 heads: %3. A household has exactly one head.</source>
        <translation>Hộ %1 có %2 chủ hộ: %3. Mỗi hộ chỉ có đúng một chủ hộ.</translation>
    </message>
    <message>
        <source>Household %1 has %2 members recorded as the head&apos;s spouse: %3.</source>
        <translation>Hộ %1 có %2 thành viên được ghi là vợ/chồng của chủ hộ: %3.</translation>
    </message>
    <message>
        <source>%1 is recorded as “%2” of the household head, which is a woman, but the sex is male.</source>
        <translation>%1 được ghi là “%2” của chủ hộ, là quan hệ của người nữ, nhưng giới tính lại ghi là nam.</translation>
    </message>
    <message>
        <source>%1 is recorded as “%2” of the household head, which is a man, but the sex is female.</source>
        <translation>%1 được ghi là “%2” của chủ hộ, là quan hệ của người nam, nhưng giới tính lại ghi là nữ.</translation>
    </message>
    <message>
        <source>%1 (“%2”, born %3) should be born at least %4 years before the household head (born %5).</source>
        <translation>%1 (“%2”, sinh %3) phải sinh trước chủ hộ (sinh %5) ít nhất %4 năm.</translation>
    </message>
    <message>
        <source>%1 (“%2”, born %3) should be born at least %4 years after the household head (born %5).</source>
        <translation>%1 (“%2”, sinh %3) phải sinh sau chủ hộ (sinh %5) ít nhất %4 năm.</translation>
    </message>
    <message>
        <source>%1 is the household head and has a spouse</source>
        <translation>%1 là chủ hộ và có vợ/chồng</translation>
    </message>
    <message>
        <source>%1 is the head&apos;s spouse (“%2”)</source>
        <translation>%1 là vợ/chồng của chủ hộ (“%2”)</translation>
    </message>
    <message>
        <source>%1, but is %2 years old: under the legal marriage age for men (%3).</source>
        <translation>%1, nhưng mới %2 tuổi: chưa đủ tuổi kết hôn theo luật đối với nam (%3).</translation>
    </message>
    <message>
        <source>%1, but is %2 years old: under the legal marriage age for women (%3).</source>
        <translation>%1, nhưng mới %2 tuổi: chưa đủ tuổi kết hôn theo luật đối với nữ (%3).</translation>
    </message>
</context>
<context>
    <name>wardroll::model::MatchComparison</name>
    <message>
        <source>given name</source>
        <translation>tên</translation>
    </message>
    <message>
        <source>family name</source>
        <translation>họ</translation>
    </message>
    <message>
        <source>middle name</source>
        <translation>tên đệm</translation>
    </message>
    <message>
        <source>birth date</source>
        <translation>ngày sinh</translation>
    </message>
    <message>
        <source>sex</source>
        <translation>giới tính</translation>
    </message>
    <message>
        <source>personal ID</source>
        <translation>số định danh cá nhân</translation>
    </message>
    <message>
        <source>old ID card number</source>
        <translation>số CMND cũ</translation>
    </message>
    <message>
        <source>father</source>
        <translation>cha</translation>
    </message>
    <message>
        <source>mother</source>
        <translation>mẹ</translation>
    </message>
    <message>
        <source>spouse</source>
        <translation>vợ/chồng</translation>
    </message>
    <message>
        <source>hometown</source>
        <translation>quê quán</translation>
    </message>
    <message>
        <source>birth registration place</source>
        <translation>nơi đăng ký khai sinh</translation>
    </message>
    <message>
        <source>birth place</source>
        <translation>nơi sinh</translation>
    </message>
    <message>
        <source>address</source>
        <translation>địa chỉ</translation>
    </message>
    <message>
        <source>household</source>
        <translation>hộ</translation>
    </message>
    <message>
        <source>village</source>
        <translation>thôn/tổ dân phố</translation>
    </message>
    <message>
        <source>phone</source>
        <translation>số điện thoại</translation>
    </message>
    <message>
        <source>e-mail</source>
        <translation>thư điện tử</translation>
    </message>
    <message>
        <source>ethnicity</source>
        <translation>dân tộc</translation>
    </message>
    <message>
        <source>same</source>
        <translation>giống nhau</translation>
    </message>
    <message>
        <source>different</source>
        <translation>khác nhau</translation>
    </message>
    <message>
        <source>missing on one side</source>
        <translation>một bên bỏ trống</translation>
    </message>
    <message>
        <source>differs only in accents or tone marks</source>
        <translation>chỉ khác dấu</translation>
    </message>
    <message>
        <source>differs by a regional spelling (l/n, s/x, ch/tr, d/gi/r, n/ng, t/c)</source>
        <translation>khác do cách viết theo vùng miền (l/n, s/x, ch/tr, d/gi/r, n/ng, t/c)</translation>
    </message>
    <message>
        <source>similar spelling</source>
        <translation>viết gần giống</translation>
    </message>
    <message>
        <source>a variant of the same name (accents, Huỳnh/Hoàng, Vũ/Võ)</source>
        <translation>biến thể của cùng một tên (dấu, Huỳnh/Hoàng, Vũ/Võ)</translation>
    </message>
    <message>
        <source>same once &quot;Văn&quot;/&quot;Thị&quot; is ignored</source>
        <translation>giống nhau nếu bỏ qua &quot;Văn&quot;/&quot;Thị&quot;</translation>
    </message>
    <message>
        <source>the same as far as both are known (a partial date, or 01/01 written for an unknown day)</source>
        <translation>giống nhau ở phần cả hai cùng biết (ngày không đầy đủ, hoặc ghi 01/01 khi không rõ ngày)</translation>
    </message>
    <message>
        <source>partly the same</source>
        <translation>giống một phần</translation>
    </message>
    <message>
        <source>day and month swapped</source>
        <translation>đảo ngày và tháng</translation>
    </message>
    <message>
        <source>one digit apart</source>
        <translation>khác một chữ số</translation>
    </message>
    <message>
        <source>same year only</source>
        <translation>chỉ trùng năm</translation>
    </message>
    <message>
        <source>a year or a year digit apart</source>
        <translation>lệch một năm hoặc một chữ số của năm</translation>
    </message>
    <message>
        <source>another ID with the same sex, century and birth-year digits</source>
        <translation>số định danh khác nhưng cùng giới tính, thế kỷ và năm sinh</translation>
    </message>
    <message>
        <source>more than five years apart</source>
        <translation>cách nhau hơn năm năm</translation>
    </message>
</context>
<context>
    <name>wardroll::model::MatchFeatures</name>
    <message>
        <source>Duplicate detection was cancelled.</source>
        <translation>Đã huỷ việc phát hiện trùng lặp.</translation>
    </message>
</context>
<context>
    <name>wardroll::model::MergeOperation</name>
    <message>
        <source>Choose the record to keep and at least one record to merge into it.</source>
        <translation>Chọn bản ghi giữ lại và ít nhất một bản ghi để gộp vào.</translation>
    </message>
    <message>
        <source>A record appears twice in the merge.</source>
        <translation>Một bản ghi xuất hiện hai lần trong lần gộp.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a field that can be merged.</source>
        <translation>&quot;%1&quot; không phải là trường có thể gộp.</translation>
    </message>
    <message>
        <source>The value of &quot;%1&quot; must come from one of the merged records.</source>
        <translation>Giá trị của &quot;%1&quot; phải lấy từ một trong các bản ghi được gộp.</translation>
    </message>
    <message>
        <source>The record of %1 was deleted or merged already.</source>
        <translation>Bản ghi của %1 đã bị xóa hoặc đã được gộp.</translation>
    </message>
    <message>
        <source>Merged (%1).</source>
        <translation>Đã gộp (%1).</translation>
    </message>
    <message>
        <source>This merge does not exist.</source>
        <translation>Không có lần gộp này.</translation>
    </message>
    <message>
        <source>This merge was undone already.</source>
        <translation>Lần gộp này đã được hoàn tác.</translation>
    </message>
    <message>
        <source>The record of %1 changed after the merge: undo would lose that change. Correct it by hand instead.</source>
        <translation>Bản ghi của %1 đã thay đổi sau khi gộp: hoàn tác sẽ làm mất thay đổi đó. Hãy sửa trực tiếp bản ghi.</translation>
    </message>
    <message>
        <source>Merge undone (%1).</source>
        <translation>Đã hoàn tác việc gộp (%1).</translation>
    </message>
</context>
<context>
    <name>wardroll::model::Migrations</name>
    <message>
        <source>This ward was saved by a newer version of WardRoll. Update WardRoll to open it.</source>
        <translation>Dữ liệu phường này được lưu bằng phiên bản WardRoll mới hơn. Hãy cập nhật WardRoll để mở.</translation>
    </message>
    <message>
        <source>The ward database could not be upgraded.</source>
        <translation>Không nâng cấp được cơ sở dữ liệu phường.</translation>
    </message>
</context>
<context>
    <name>wardroll::model::OfficerRoles</name>
    <message>
        <source>Give the officer&apos;s name.</source>
        <translation>Nhập tên cán bộ.</translation>
    </message>
    <message>
        <source>Only the commune police chief may change officers&apos; roles.</source>
        <translation>Chỉ Trưởng Công an xã được thay đổi vai trò của cán bộ.</translation>
    </message>
    <message>
        <source>commune police chief</source>
        <translation>Trưởng Công an xã</translation>
    </message>
    <message>
        <source>officer</source>
        <translation>cán bộ</translation>
    </message>
</context>
<context>
    <name>wardroll::model::Outbox</name>
    <message>
        <source>The change-set was already sealed.</source>
        <translation>Gói thay đổi đã được niêm phong trước đó.</translation>
    </message>
</context>
<context>
    <name>wardroll::model::PersonalId</name>
    <message>
        <source>The personal ID is empty.</source>
        <translation>Chưa có số định danh cá nhân.</translation>
    </message>
    <message>
        <source>The personal ID must have exactly 12 digits.</source>
        <translation>Số định danh cá nhân phải có đúng 12 chữ số.</translation>
    </message>
    <message>
        <source>The personal ID has 9 digits, but it must have 12: this looks like an old ID card (CMND) number.</source>
        <translation>Số định danh cá nhân có 9 chữ số nhưng phải có 12: đây có vẻ là số Chứng minh nhân dân (CMND) cũ.</translation>
    </message>
    <message numerus="yes">
        <source>The personal ID has %n character(s), but it must have exactly 12 digits.</source>
        <translation>
            <numerusform>Số định danh cá nhân có %n ký tự, nhưng phải có đúng 12 chữ số.</numerusform>
        </translation>
    </message>
    <message>
        <source>The personal ID must contain only digits.</source>
        <translation>Số định danh cá nhân chỉ được gồm các chữ số.</translation>
    </message>
    <message>
        <source>The personal ID “%1” contains characters that are not digits.</source>
        <translation>Số định danh cá nhân “%1” có ký tự không phải chữ số.</translation>
    </message>
    <message>
        <source>The first 3 digits of the ID are not a province code: the birth may have been registered abroad. Verify the ID.</source>
        <translation>3 chữ số đầu của số định danh không phải mã tỉnh: có thể đã đăng ký khai sinh ở nước ngoài. Hãy xác minh số định danh.</translation>
    </message>
    <message>
        <source>The first 3 digits of the ID (%1) are not one of the 63 province codes: the birth may have been registered abroad. Verify the ID.</source>
        <translation>3 chữ số đầu của số định danh (%1) không thuộc 63 mã tỉnh: có thể đã đăng ký khai sinh ở nước ngoài. Hãy xác minh số định danh.</translation>
    </message>
    <message>
        <source>The 4th digit of the ID does not match the sex in the record.</source>
        <translation>Chữ số thứ 4 của số định danh không khớp với giới tính trong hồ sơ.</translation>
    </message>
    <message>
        <source>The 4th digit of the ID (%1) means a woman born in the %2s, but the record says male.</source>
        <translation>Chữ số thứ 4 của số định danh (%1) ứng với nữ sinh trong thế kỷ tính từ năm %2, nhưng hồ sơ ghi giới tính nam.</translation>
    </message>
    <message>
        <source>The 4th digit of the ID (%1) means a man born in the %2s, but the record says female.</source>
        <translation>Chữ số thứ 4 của số định danh (%1) ứng với nam sinh trong thế kỷ tính từ năm %2, nhưng hồ sơ ghi giới tính nữ.</translation>
    </message>
    <message>
        <source>The 4th digit of the ID does not match the century of the date of birth.</source>
        <translation>Chữ số thứ 4 của số định danh không khớp với thế kỷ của năm sinh.</translation>
    </message>
    <message>
        <source>The 4th digit of the ID (%1) means born in the %2s, but the record says born in %3.</source>
        <translation>Chữ số thứ 4 của số định danh (%1) ứng với người sinh trong thế kỷ tính từ năm %2, nhưng hồ sơ ghi năm sinh %3.</translation>
    </message>
    <message>
        <source>The 5th and 6th digits of the ID do not match the year of birth.</source>
        <translation>Chữ số thứ 5 và 6 của số định danh không khớp với năm sinh.</translation>
    </message>
    <message>
        <source>The 5th and 6th digits of the ID (%1) mean a year of birth ending in %1, but the record says %2.</source>
        <translation>Chữ số thứ 5 và 6 của số định danh (%1) ứng với năm sinh có hai số cuối là %1, nhưng hồ sơ ghi năm %2.</translation>
    </message>
</context>
<context>
    <name>wardroll::model::RecordFields</name>
    <message>
        <source>full name</source>
        <translation>họ và tên</translation>
    </message>
    <message>
        <source>other names</source>
        <translation>tên gọi khác</translation>
    </message>
    <message>
        <source>personal ID</source>
        <translation>số định danh cá nhân</translation>
    </message>
    <message>
        <source>date of birth</source>
        <translation>ngày sinh</translation>
    </message>
    <message>
        <source>date of death</source>
        <translation>ngày chết</translation>
    </message>
    <message>
        <source>sex</source>
        <translation>giới tính</translation>
    </message>
    <message>
        <source>place of birth</source>
        <translation>nơi sinh</translation>
    </message>
    <message>
        <source>place of birth registration</source>
        <translation>nơi đăng ký khai sinh</translation>
    </message>
    <message>
        <source>hometown</source>
        <translation>quê quán</translation>
    </message>
    <message>
        <source>ethnicity</source>
        <translation>dân tộc</translation>
    </message>
    <message>
        <source>religion</source>
        <translation>tôn giáo</translation>
    </message>
    <message>
        <source>nationality</source>
        <translation>quốc tịch</translation>
    </message>
    <message>
        <source>status</source>
        <translation>trạng thái</translation>
    </message>
    <message>
        <source>household</source>
        <translation>hộ</translation>
    </message>
    <message>
        <source>relationship to the household head</source>
        <translation>quan hệ với chủ hộ</translation>
    </message>
    <message>
        <source>permanent residence</source>
        <translation>nơi thường trú</translation>
    </message>
    <message>
        <source>temporary residence</source>
        <translation>nơi tạm trú</translation>
    </message>
    <message>
        <source>current residence</source>
        <translation>nơi ở hiện tại</translation>
    </message>
    <message>
        <source>household address</source>
        <translation>địa chỉ hộ</translation>
    </message>
</context>
<context>
    <name>wardroll::model::RecordRules</name>
    <message>
        <source>The personal ID is empty.</source>
        <translation>Chưa có số định danh cá nhân.</translation>
    </message>
    <message>
        <source>Personal ID “%1”: %2</source>
        <translation>Số định danh cá nhân “%1”: %2</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message numerus="yes">
        <source>The personal ID %1 is also on %n other record(s): %2. One person has one ID: these are duplicates of one person, or an ID was written wrongly.</source>
        <translation>
            <numerusform>Số định danh cá nhân %1 còn có trên %n hồ sơ khác: %2. Mỗi người chỉ có một số định danh: đây là các hồ sơ trùng của một người, hoặc có số định danh bị ghi sai.</numerusform>
        </translation>
    </message>
    <message>
        <source>The %1 “%2” cannot be read as a date.</source>
        <translation>Mục %1 ghi “%2”, không đọc được thành ngày tháng.</translation>
    </message>
    <message>
        <source>The %1 “%2” is not a real date.</source>
        <translation>Mục %1 ghi “%2”, không phải là ngày có thật.</translation>
    </message>
    <message>
        <source>The %1 %2 is in the future.</source>
        <translation>Mục %1 ghi %2, là một ngày trong tương lai.</translation>
    </message>
    <message>
        <source>Born %1, this person would be %2 years old, but the status is living: check the date of birth, or record the death.</source>
        <translation>Sinh %1 thì người này đã %2 tuổi, nhưng trạng thái vẫn là còn sống: hãy kiểm tra ngày sinh, hoặc cập nhật trạng thái đã chết.</translation>
    </message>
    <message>
        <source>The date of death %1 is before the date of birth %2.</source>
        <translation>Ngày chết %1 lại trước ngày sinh %2.</translation>
    </message>
    <message>
        <source>“Ð” (a mis-decoded “Đ”)</source>
        <translation>“Ð” (chữ “Đ” bị giải mã sai)</translation>
    </message>
    <message>
        <source>decomposed accents</source>
        <translation>dấu bị tách rời</translation>
    </message>
    <message>
        <source>spaces or punctuation</source>
        <translation>khoảng trắng hoặc dấu câu</translation>
    </message>
    <message>
        <source>tone mark placement</source>
        <translation>vị trí dấu thanh</translation>
    </message>
    <message>
        <source>capitalisation</source>
        <translation>viết hoa</translation>
    </message>
    <message>
        <source>The full name “%1” is not written in the standard form (%2): “%3”.</source>
        <translation>Họ và tên “%1” chưa viết theo dạng chuẩn (%2): “%3”.</translation>
    </message>
    <message>
        <source>The full name “%1” contains characters that are not letters.</source>
        <translation>Họ và tên “%1” có ký tự không phải chữ cái.</translation>
    </message>
    <message>
        <source>The full name “%1” contains digits or symbols: “%2”.</source>
        <translation>Họ và tên “%1” có chữ số hoặc ký hiệu: “%2”.</translation>
    </message>
    <message>
        <source>Mandatory fields are empty: %1.</source>
        <translation>Các trường bắt buộc còn trống: %1.</translation>
    </message>
    <message>
        <source>A date of death (%1) is recorded, but the status is living: record the death, or remove the date if it is wrong.</source>
        <translation>Hồ sơ có ngày chết (%1) nhưng trạng thái vẫn là còn sống: hãy cập nhật trạng thái đã chết, hoặc xoá ngày này nếu ghi nhầm.</translation>
    </message>
    <message>
        <source>The %1 has the unit code %2, which is not a commune of the %3 scheme.</source>
        <translation>Mục %1 có mã đơn vị %2, không phải xã/phường nào trong danh mục %3.</translation>
    </message>
    <message>
        <source>legacy (before 2025)</source>
        <translation>cũ (trước năm 2025)</translation>
    </message>
    <message>
        <source>2025</source>
        <translation>2025</translation>
    </message>
    <message>
        <source>The %1 has the unit code %2 without a known scheme (2025 or legacy): the code cannot be read.</source>
        <translation>Mục %1 có mã đơn vị %2 nhưng không rõ thuộc danh mục nào (2025 hay danh mục cũ): không đọc được mã này.</translation>
    </message>
    <message>
        <source>The %1 is coded with %2, a commune of the legacy scheme (before the July 2025 reform).</source>
        <translation>Mục %1 được mã hoá theo %2, một xã/phường trong danh mục cũ (trước đợt sắp xếp đơn vị hành chính tháng 7/2025).</translation>
    </message>
    <message>
        <source>It was split between %1: ask the resident which one applies.</source>
        <translation>Đơn vị này đã được chia cho %1: hãy hỏi người dân xem thuộc đơn vị nào.</translation>
    </message>
    <message>
        <source>It is now %1 (code %2).</source>
        <translation>Nay là %1 (mã %2).</translation>
    </message>
    <message>
        <source>The catalogue has no 2025 commune for it: ask the resident.</source>
        <translation>Danh mục 2025 không có xã/phường tương ứng: hãy hỏi người dân.</translation>
    </message>
</context>
<context>
    <name>wardroll::model::ResidentBulkInsert</name>
    <message>
        <source>The ward&apos;s indexes could not be rebuilt after the import.</source>
        <translation>Không dựng lại được các chỉ mục của dữ liệu phường sau khi nhập.</translation>
    </message>
    <message>
        <source>A bulk insert needs an open transaction.</source>
        <translation>Việc nhập hàng loạt cần một giao dịch đang mở.</translation>
    </message>
</context>
<context>
    <name>wardroll::model::RuleBatch</name>
    <message>
        <source>The cleaning run was cancelled.</source>
        <translation>Đã huỷ lượt làm sạch dữ liệu.</translation>
    </message>
</context>
<context>
    <name>wardroll::model::SqlConnection</name>
    <message>
        <source>The ward database file could not be opened.</source>
        <translation>Không mở được tệp cơ sở dữ liệu phường.</translation>
    </message>
    <message>
        <source>The ward database could not prepare a query.</source>
        <translation>Cơ sở dữ liệu phường không chuẩn bị được truy vấn.</translation>
    </message>
    <message>
        <source>The ward database could not complete the operation.</source>
        <translation>Cơ sở dữ liệu phường không thực hiện được thao tác.</translation>
    </message>
    <message>
        <source>The disk is full. Free some space and try again; nothing already saved was lost.</source>
        <translation>Ổ đĩa đã đầy. Hãy giải phóng bớt dung lượng rồi thử lại; dữ liệu đã lưu không bị mất.</translation>
    </message>
    <message>
        <source>The file is not a WardRoll ward database, or it is damaged.</source>
        <translation>Tệp không phải cơ sở dữ liệu phường của WardRoll, hoặc đã bị hỏng.</translation>
    </message>
    <message>
        <source>The ward database is read-only.</source>
        <translation>Cơ sở dữ liệu phường chỉ cho phép đọc.</translation>
    </message>
</context>
<context>
    <name>wardroll::model::SqlStatement</name>
    <message>
        <source>The disk is full. Free some space and try again; nothing already saved was lost.</source>
        <translation>Ổ đĩa đã đầy. Hãy giải phóng bớt dung lượng rồi thử lại; dữ liệu đã lưu không bị mất.</translation>
    </message>
    <message>
        <source>The change breaks a rule of the ward database.</source>
        <translation>Thay đổi này vi phạm một ràng buộc của cơ sở dữ liệu phường.</translation>
    </message>
    <message>
        <source>The ward database could not complete the operation.</source>
        <translation>Cơ sở dữ liệu phường không thực hiện được thao tác.</translation>
    </message>
</context>
<context>
    <name>wardroll::model::SyncConflictStore</name>
    <message>
        <source>No conflict has this id.</source>
        <translation>Không có xung đột nào có mã này.</translation>
    </message>
    <message>
        <source>This conflict was already settled by %1 on %2.</source>
        <translation>Xung đột này đã được %1 xử lý lúc %2.</translation>
    </message>
    <message>
        <source>The record of this conflict is no longer in the ward.</source>
        <translation>Hồ sơ của xung đột này không còn trong dữ liệu của xã/phường.</translation>
    </message>
    <message>
        <source>Neither value was entered on this device: choose the hub&apos;s value, the other value, or type one.</source>
        <translation>Cả hai giá trị đều không được nhập trên máy này: hãy chọn giá trị máy chủ giữ, giá trị còn lại, hoặc nhập giá trị đúng.</translation>
    </message>
    <message>
        <source>This field takes a whole number.</source>
        <translation>Trường này chỉ nhận số nguyên.</translation>
    </message>
    <message>
        <source>This side of the conflict has no value to take.</source>
        <translation>Bên này của xung đột không có giá trị để chọn.</translation>
    </message>
    <message>
        <source>Conflicts in this table cannot be settled here.</source>
        <translation>Không thể xử lý xung đột của bảng này tại đây.</translation>
    </message>
    <message>
        <source>This value cannot be stored in this field.</source>
        <translation>Không thể lưu giá trị này vào trường này.</translation>
    </message>
    <message>
        <source>This field cannot be settled here.</source>
        <translation>Không thể xử lý trường này tại đây.</translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation>(trống)</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>Họ và tên</translation>
    </message>
    <message>
        <source>Other names</source>
        <translation>Tên gọi khác</translation>
    </message>
    <message>
        <source>Personal ID</source>
        <translation>Số định danh cá nhân</translation>
    </message>
    <message>
        <source>Old ID card number</source>
        <translation>Số CMND cũ</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>Ngày sinh</translation>
    </message>
    <message>
        <source>Year of birth</source>
        <translation>Năm sinh</translation>
    </message>
    <message>
        <source>Month of birth</source>
        <translation>Tháng sinh</translation>
    </message>
    <message>
        <source>Day of birth</source>
        <translation>Ngày sinh (ngày)</translation>
    </message>
    <message>
        <source>Sex</source>
        <translation>Giới tính</translation>
    </message>
    <message>
        <source>Place of birth</source>
        <translation>Nơi sinh</translation>
    </message>
    <message>
        <source>Place of birth registration</source>
        <translation>Nơi đăng ký khai sinh</translation>
    </message>
    <message>
        <source>Hometown</source>
        <translation>Quê quán</translation>
    </message>
    <message>
        <source>Ethnicity</source>
        <translation>Dân tộc</translation>
    </message>
    <message>
        <source>Religion</source>
        <translation>Tôn giáo</translation>
    </message>
    <message>
        <source>Nationality</source>
        <translation>Quốc tịch</translation>
    </message>
    <message>
        <source>Marital status</source>
        <translation>Tình trạng hôn nhân</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Số điện thoại</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>Thư điện tử</translation>
    </message>
    <message>
        <source>Village</source>
        <translation>Thôn/Tổ dân phố</translation>
    </message>
    <message>
        <source>Relationship to household head</source>
        <translation>Quan hệ với chủ hộ</translation>
    </message>
    <message>
        <source>Permanent residence</source>
        <translation>Nơi thường trú</translation>
    </message>
    <message>
        <source>Temporary residence</source>
        <translation>Nơi tạm trú</translation>
    </message>
    <message>
        <source>Current residence</source>
        <translation>Nơi ở hiện tại</translation>
    </message>
    <message>
        <source>Father&apos;s name</source>
        <translation>Họ tên cha</translation>
    </message>
    <message>
        <source>Mother&apos;s name</source>
        <translation>Họ tên mẹ</translation>
    </message>
    <message>
        <source>Spouse&apos;s name</source>
        <translation>Họ tên vợ/chồng</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Trạng thái</translation>
    </message>
    <message>
        <source>Household number</source>
        <translation>Số hộ</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Địa chỉ</translation>
    </message>
</context>
<context>
    <name>wardroll::model::UnsyncedRows</name>
    <message>
        <source>The ward database could not be updated.</source>
        <translation>Không cập nhật được cơ sở dữ liệu phường.</translation>
    </message>
</context>
<context>
    <name>wardroll::model::WardDatabase</name>
    <message>
        <source>The ward file does not exist.</source>
        <translation>Tệp dữ liệu phường không tồn tại.</translation>
    </message>
    <message>
        <source>The ward must be upgraded before it can be opened read-only.</source>
        <translation>Cần nâng cấp dữ liệu phường trước khi mở ở chế độ chỉ đọc.</translation>
    </message>
</context>
<context>
    <name>wardroll::model::WardStore</name>
    <message>
        <source>The resident&apos;s record no longer exists.</source>
        <translation>Hồ sơ cư dân này không còn tồn tại.</translation>
    </message>
    <message>
        <source>No resident has this record id.</source>
        <translation>Không có cư dân nào mang mã hồ sơ này.</translation>
    </message>
    <message>
        <source>The household no longer exists.</source>
        <translation>Hộ này không còn tồn tại.</translation>
    </message>
    <message>
        <source>No household has this id.</source>
        <translation>Không có hộ nào mang mã này.</translation>
    </message>
</context>
<context>
    <name>wardroll::sync::DeviceKey</name>
    <message>
        <source>The cryptography library could not start.</source>
        <translation>Không khởi động được thư viện mã hoá.</translation>
    </message>
    <message>
        <source>The device key is damaged.</source>
        <translation>Khoá thiết bị đã bị hỏng.</translation>
    </message>
</context>
<context>
    <name>wardroll::sync::Envelope</name>
    <message>
        <source>The envelope is damaged.</source>
        <translation>Gói tin bị hỏng.</translation>
    </message>
</context>
<context>
    <name>wardroll::sync::HttpTransport</name>
    <message>
        <source>The hub did not answer.</source>
        <translation>Máy chủ đồng bộ không phản hồi.</translation>
    </message>
    <message>
        <source>The hub did not answer in time.</source>
        <translation>Máy chủ đồng bộ không phản hồi kịp thời.</translation>
    </message>
    <message>
        <source>The hub could not be reached.</source>
        <translation>Không kết nối được tới máy chủ đồng bộ.</translation>
    </message>
</context>
<context>
    <name>wardroll::sync::HubServer</name>
    <message>
        <source>The hub could not listen on %1:%2.</source>
        <translation>Máy chủ đồng bộ không lắng nghe được trên %1:%2.</translation>
    </message>
    <message>
        <source>The request is larger than the hub accepts (%1 bytes).</source>
        <translation>Yêu cầu lớn hơn mức máy chủ chấp nhận (%1 byte).</translation>
    </message>
    <message>
        <source>The hub accepts only application/cbor.</source>
        <translation>Máy chủ chỉ chấp nhận application/cbor.</translation>
    </message>
</context>
<context>
    <name>wardroll::sync::HubService</name>
    <message>
        <source>The device needs a name.</source>
        <translation>Thiết bị cần có tên.</translation>
    </message>
    <message>
        <source>The cryptography library could not start.</source>
        <translation>Không khởi động được thư viện mã hoá.</translation>
    </message>
    <message>
        <source>Revoked by the hub&apos;s administrator.</source>
        <translation>Đã bị quản trị viên máy chủ thu hồi.</translation>
    </message>
    <message>
        <source>No device has this id.</source>
        <translation>Không có thiết bị nào mang mã này.</translation>
    </message>
    <message>
        <source>The device is not held.</source>
        <translation>Thiết bị này không bị tạm giữ.</translation>
    </message>
    <message>
        <source>The enrollment request is incomplete.</source>
        <translation>Yêu cầu đăng ký chưa đầy đủ.</translation>
    </message>
    <message>
        <source>The enrollment request is not signed by the device&apos;s key.</source>
        <translation>Yêu cầu đăng ký không được ký bằng khoá của thiết bị.</translation>
    </message>
    <message>
        <source>The enrollment code is not valid, was already used, or has expired.</source>
        <translation>Mã đăng ký không hợp lệ, đã được dùng, hoặc đã hết hạn.</translation>
    </message>
    <message>
        <source>This device is already enrolled.</source>
        <translation>Thiết bị này đã được đăng ký.</translation>
    </message>
    <message>
        <source>The request is incomplete.</source>
        <translation>Yêu cầu chưa đầy đủ.</translation>
    </message>
    <message>
        <source>This device is not enrolled with the hub.</source>
        <translation>Thiết bị này chưa đăng ký với máy chủ đồng bộ.</translation>
    </message>
    <message>
        <source>The request is not signed by the device&apos;s key.</source>
        <translation>Yêu cầu không được ký bằng khoá của thiết bị.</translation>
    </message>
    <message>
        <source>This device was revoked: %1</source>
        <translation>Thiết bị này đã bị thu hồi: %1</translation>
    </message>
    <message>
        <source>The pull request has no valid cursor or page size.</source>
        <translation>Yêu cầu nhận dữ liệu không có vị trí đọc hoặc cỡ trang hợp lệ.</translation>
    </message>
    <message>
        <source>The push is not a CBOR map.</source>
        <translation>Dữ liệu gửi lên không phải là một ánh xạ CBOR.</translation>
    </message>
    <message>
        <source>The push names no device or carries no envelopes.</source>
        <translation>Dữ liệu gửi lên không ghi thiết bị nào hoặc không có gói tin nào.</translation>
    </message>
    <message>
        <source>Too many envelopes in one push (at most %1).</source>
        <translation>Quá nhiều gói tin trong một lần gửi (tối đa %1).</translation>
    </message>
    <message>
        <source>An envelope is not a byte string.</source>
        <translation>Có gói tin không phải chuỗi byte.</translation>
    </message>
    <message>
        <source>The outbox file names no device or carries no envelopes.</source>
        <translation>Tệp thay đổi chờ gửi không ghi thiết bị nào hoặc không có gói tin nào.</translation>
    </message>
    <message>
        <source>The outbox file is not signed by the device&apos;s key.</source>
        <translation>Tệp thay đổi chờ gửi không được ký bằng khoá của thiết bị.</translation>
    </message>
    <message>
        <source>Envelope %1 is damaged: %2</source>
        <translation>Gói tin %1 bị hỏng: %2</translation>
    </message>
    <message>
        <source>Envelope %1 comes from another device.</source>
        <translation>Gói tin %1 đến từ một thiết bị khác.</translation>
    </message>
    <message>
        <source>Envelope %1 is not signed by the device&apos;s key: it was altered or forged.</source>
        <translation>Gói tin %1 không được ký bằng khoá của thiết bị: gói tin đã bị sửa đổi hoặc giả mạo.</translation>
    </message>
    <message>
        <source>Envelope %1 was made by a newer WardRoll (schema %2); upgrade the hub.</source>
        <translation>Gói tin %1 được tạo bởi phiên bản WardRoll mới hơn (lược đồ %2); hãy nâng cấp máy chủ đồng bộ.</translation>
    </message>
    <message>
        <source>Envelope %1 carries a damaged change-set.</source>
        <translation>Gói tin %1 chứa một gói thay đổi bị hỏng.</translation>
    </message>
    <message>
        <source>This device is held until a person at the hub releases it: %1</source>
        <translation>Thiết bị này đang bị tạm giữ cho đến khi người quản lý máy chủ cho phép: %1</translation>
    </message>
    <message>
        <source>Envelope %1 differs from the one the hub accepted with that number (a fork).</source>
        <translation>Gói tin %1 khác với gói tin cùng số mà máy chủ đã nhận (rẽ nhánh).</translation>
    </message>
    <message>
        <source>Envelope %1 arrived but the hub&apos;s last from this device is %2 (a gap).</source>
        <translation>Đã nhận gói tin %1 nhưng gói tin gần nhất máy chủ có từ thiết bị này là %2 (bị hụt).</translation>
    </message>
    <message>
        <source>Envelope %1 does not continue the device&apos;s chain (a fork).</source>
        <translation>Gói tin %1 không nối tiếp chuỗi của thiết bị (rẽ nhánh).</translation>
    </message>
    <message>
        <source>Envelope %1 reuses a change-set id the hub already has.</source>
        <translation>Gói tin %1 dùng lại mã gói thay đổi mà máy chủ đã có.</translation>
    </message>
</context>
<context>
    <name>wardroll::sync::HubStore</name>
    <message>
        <source>The hub store needs a file: sqlite:PATH.</source>
        <translation>Kho dữ liệu của máy chủ cần một tệp: sqlite:PATH.</translation>
    </message>
    <message>
        <source>The hub store address is not valid: postgresql://[user@]host[:port]/database.</source>
        <translation>Địa chỉ kho dữ liệu của máy chủ không hợp lệ: postgresql://[user@]host[:port]/database.</translation>
    </message>
    <message>
        <source>PostgreSQL support is not installed (Debian package libqt6sql6-psql).</source>
        <translation>Chưa cài đặt hỗ trợ PostgreSQL (gói Debian libqt6sql6-psql).</translation>
    </message>
    <message>
        <source>Unknown hub store “%1”: use sqlite:PATH or postgresql://…</source>
        <translation>Không nhận ra kho dữ liệu “%1”: hãy dùng sqlite:PATH hoặc postgresql://…</translation>
    </message>
    <message>
        <source>The hub store could not be opened.</source>
        <translation>Không mở được kho dữ liệu của máy chủ.</translation>
    </message>
    <message>
        <source>The hub store failed.</source>
        <translation>Kho dữ liệu của máy chủ gặp lỗi.</translation>
    </message>
    <message>
        <source>No device has this id.</source>
        <translation>Không có thiết bị nào mang mã này.</translation>
    </message>
    <message>
        <source>The enrollment code was already used.</source>
        <translation>Mã đăng ký đã được dùng.</translation>
    </message>
</context>
<context>
    <name>wardroll::sync::PageApplier</name>
    <message>
        <source>The hub sent a damaged page of changes.</source>
        <translation>Máy chủ gửi về một trang thay đổi bị hỏng.</translation>
    </message>
</context>
<context>
    <name>wardroll::sync::SignedMessage</name>
    <message>
        <source>The signed message is damaged.</source>
        <translation>Thông điệp có chữ ký bị hỏng.</translation>
    </message>
</context>
<context>
    <name>wardroll::sync::SyncClient</name>
    <message>
        <source>This ward is not enrolled with a hub yet (wardroll-cli enroll).</source>
        <translation>Phường này chưa đăng ký với máy chủ đồng bộ (wardroll-cli enroll).</translation>
    </message>
    <message>
        <source>This device&apos;s signing key is missing; enroll it again.</source>
        <translation>Thiếu khoá ký của thiết bị này; hãy đăng ký lại.</translation>
    </message>
    <message>
        <source>The answer did not come from this ward&apos;s hub.</source>
        <translation>Phản hồi không đến từ máy chủ đồng bộ của phường này.</translation>
    </message>
    <message>
        <source>This ward is already enrolled with a hub.</source>
        <translation>Phường này đã đăng ký với một máy chủ đồng bộ.</translation>
    </message>
    <message>
        <source>The hub address must be an http:// or https:// URL.</source>
        <translation>Địa chỉ máy chủ đồng bộ phải là URL http:// hoặc https://.</translation>
    </message>
    <message>
        <source>The hub&apos;s answer is damaged.</source>
        <translation>Phản hồi của máy chủ đồng bộ bị hỏng.</translation>
    </message>
    <message>
        <source>The hub&apos;s answer is not signed as it should be.</source>
        <translation>Phản hồi của máy chủ đồng bộ không có chữ ký đúng như yêu cầu.</translation>
    </message>
    <message>
        <source>The hub&apos;s answer does not match the question.</source>
        <translation>Phản hồi của máy chủ đồng bộ không khớp với yêu cầu.</translation>
    </message>
    <message>
        <source>The hub acknowledged an envelope this device did not send.</source>
        <translation>Máy chủ đồng bộ xác nhận một gói tin mà thiết bị này không gửi.</translation>
    </message>
    <message>
        <source>The hub did not acknowledge every envelope.</source>
        <translation>Máy chủ đồng bộ chưa xác nhận hết các gói tin.</translation>
    </message>
    <message>
        <source>The hub refused the request.</source>
        <translation>Máy chủ đồng bộ từ chối yêu cầu.</translation>
    </message>
    <message>
        <source>The hub still holds this device; a person at the hub must release it first.</source>
        <translation>Máy chủ đồng bộ vẫn đang tạm giữ thiết bị này; cán bộ quản trị máy chủ phải gỡ giữ trước.</translation>
    </message>
    <message>
        <source>The hub refused a change-set; later ones wait behind it: %1</source>
        <translation>Máy chủ đồng bộ từ chối một gói thay đổi; các gói sau phải chờ: %1</translation>
    </message>
</context>
<context>
    <name>wardroll::ui::CatalogueItems</name>
    <message>
        <source>%1 (before 2025)</source>
        <translation>%1 (trước năm 2025)</translation>
    </message>
    <message>
        <source>Unknown unit code %1</source>
        <translation>Mã đơn vị hành chính %1 không có trong danh mục</translation>
    </message>
</context>
<context>
    <name>wardroll::ui::CleaningQueuePage</name>
    <message>
        <source>R&amp;ule:</source>
        <translation>&amp;Quy tắc:</translation>
    </message>
    <message>
        <source>Se&amp;verity:</source>
        <translation>&amp;Mức độ:</translation>
    </message>
    <message>
        <source>S&amp;tate:</source>
        <translation>&amp;Trạng thái:</translation>
    </message>
    <message>
        <source>Villa&amp;ge:</source>
        <translation>Thôn/tổ &amp;dân phố:</translation>
    </message>
    <message>
        <source>&amp;Run cleaning</source>
        <translation>&amp;Chạy làm sạch dữ liệu</translation>
    </message>
    <message>
        <source>&amp;History:</source>
        <translation>&amp;Lịch sử:</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Thời gian</translation>
    </message>
    <message>
        <source>Officer</source>
        <translation>Cán bộ</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>Bước</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Ghi chú</translation>
    </message>
    <message>
        <source>Start &amp;verification</source>
        <translation>Bắt đầu &amp;xác minh</translation>
    </message>
    <message>
        <source>&amp;Escalate to the chief</source>
        <translation>&amp;Chuyển Trưởng Công an xã</translation>
    </message>
    <message>
        <source>&amp;Dismiss…</source>
        <translation>&amp;Bỏ qua…</translation>
    </message>
    <message>
        <source>All rules</source>
        <translation>Tất cả quy tắc</translation>
    </message>
    <message>
        <source>All</source>
        <translation>Tất cả</translation>
    </message>
    <message>
        <source>To review (open, in verification)</source>
        <translation>Cần xử lý (mới phát hiện, đang xác minh)</translation>
    </message>
    <message>
        <source>Waiting for the commune police chief</source>
        <translation>Chờ Trưởng Công an xã duyệt</translation>
    </message>
    <message>
        <source>All states</source>
        <translation>Tất cả trạng thái</translation>
    </message>
    <message>
        <source>All villages</source>
        <translation>Tất cả thôn/tổ dân phố</translation>
    </message>
    <message>
        <source>(no village)</source>
        <translation>(không có thôn/tổ dân phố)</translation>
    </message>
    <message numerus="yes">
        <source>%Ln flag(s)</source>
        <translation>
            <numerusform>%Ln cờ</numerusform>
        </translation>
    </message>
    <message>
        <source>No flags to show.</source>
        <translation>Không có cờ nào.</translation>
    </message>
    <message>
        <source>&lt;p&gt;Fields: %1&lt;/p&gt;</source>
        <translation>&lt;p&gt;Trường: %1&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;Suggested %1: &lt;b&gt;%2&lt;/b&gt;&lt;/p&gt;</source>
        <translation>&lt;p&gt;Đề xuất %1: &lt;b&gt;%2&lt;/b&gt;&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;State: %1&lt;/p&gt;</source>
        <translation>&lt;p&gt;Trạng thái: %1&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;Reason: %1&lt;/p&gt;</source>
        <translation>&lt;p&gt;Lý do: %1&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&amp;Approve correction</source>
        <translation>&amp;Duyệt chỉnh sửa</translation>
    </message>
    <message>
        <source>Mark &amp;corrected</source>
        <translation>Đánh dấu đã &amp;sửa</translation>
    </message>
    <message>
        <source>Send &amp;back for verification</source>
        <translation>&amp;Trả lại để xác minh</translation>
    </message>
    <message>
        <source>Back to &amp;open</source>
        <translation>Trở về &amp;mới phát hiện</translation>
    </message>
    <message>
        <source>Re&amp;open</source>
        <translation>&amp;Mở lại</translation>
    </message>
    <message>
        <source>Dismiss the flag</source>
        <translation>Bỏ qua cờ</translation>
    </message>
    <message>
        <source>Why is this flag not a mistake? Name the document you checked (birth certificate, household book, ID card…).</source>
        <translation>Vì sao cờ này không phải là sai sót? Ghi rõ giấy tờ đã đối chiếu (giấy khai sinh, sổ hộ khẩu, thẻ căn cước…).</translation>
    </message>
    <message>
        <source>Cleaning</source>
        <translation>Làm sạch dữ liệu</translation>
    </message>
    <message>
        <source>Checking every record and looking for duplicates…</source>
        <translation>Đang kiểm tra từng bản ghi và tìm bản ghi trùng lặp…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
    <message>
        <source>Cleaning done: %1 records checked, %2 findings (%3 new, %4 closed).</source>
        <translation>Đã làm sạch: kiểm tra %1 bản ghi, %2 phát hiện (%3 mới, %4 đã đóng).</translation>
    </message>
    <message>
        <source>Cleaning cancelled: the flags are as they were.</source>
        <translation>Đã hủy làm sạch: các cờ giữ nguyên như trước.</translation>
    </message>
    <message>
        <source>Cleaning failed: the flags are as they were.</source>
        <translation>Làm sạch không thành công: các cờ giữ nguyên như trước.</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Đóng</translation>
    </message>
</context>
<context>
    <name>wardroll::ui::ConflictDialog</name>
    <message>
        <source>Sync conflicts</source>
        <translation>Xung đột đồng bộ</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Hồ sơ</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Trường</translation>
    </message>
    <message>
        <source>Kept by the hub</source>
        <translation>Máy chủ giữ</translation>
    </message>
    <message>
        <source>Other value</source>
        <translation>Giá trị còn lại</translation>
    </message>
    <message>
        <source>Or &amp;type the right value:</source>
        <translation>Hoặc &amp;nhập giá trị đúng:</translation>
    </message>
    <message>
        <source>Use t&amp;yped value</source>
        <translation>Dùng giá trị đã &amp;nhập</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Đóng</translation>
    </message>
    <message>
        <source>&amp;Keep this value</source>
        <translation>&amp;Giữ giá trị này</translation>
    </message>
    <message>
        <source>&amp;Use this value</source>
        <translation>&amp;Dùng giá trị này</translation>
    </message>
    <message>
        <source>Kept by the hub (entered first)</source>
        <translation>Máy chủ giữ (nhập trước)</translation>
    </message>
    <message>
        <source>Set aside (entered later)</source>
        <translation>Bị gác lại (nhập sau)</translation>
    </message>
    <message>
        <source>unknown officer</source>
        <translation>cán bộ không rõ</translation>
    </message>
    <message>
        <source>%1, on this device</source>
        <translation>%1, trên máy này</translation>
    </message>
    <message>
        <source>%1, on another device</source>
        <translation>%1, trên máy khác</translation>
    </message>
    <message>
        <source>No conflict is waiting: every field has one value.</source>
        <translation>Không có xung đột nào cần xử lý: mọi trường đều có một giá trị.</translation>
    </message>
    <message>
        <source>Two officers changed the same field before their devices synced. Choose the right value for each; your choice is sent with the next sync.</source>
        <translation>Hai cán bộ đã sửa cùng một trường trước khi máy đồng bộ. Hãy chọn giá trị đúng cho từng trường; lựa chọn của đồng chí sẽ được gửi ở lần đồng bộ tiếp theo.</translation>
    </message>
    <message>
        <source>Received by the hub: %1</source>
        <translation>Máy chủ nhận lúc: %1</translation>
    </message>
</context>
<context>
    <name>wardroll::ui::CsvExportRunner</name>
    <message>
        <source>Exporting residents to “%1”…</source>
        <translation>Đang xuất danh sách nhân khẩu ra “%1”…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
    <message>
        <source>Export to CSV</source>
        <translation>Xuất ra tệp CSV</translation>
    </message>
</context>
<context>
    <name>wardroll::ui::DemoWardBuilder</name>
    <message>
        <source>The folder for the demo ward could not be created.</source>
        <translation>Không tạo được thư mục chứa phường mẫu.</translation>
    </message>
    <message>
        <source>The demo ward could not be saved.</source>
        <translation>Không lưu được phường mẫu.</translation>
    </message>
    <message>
        <source>Creating the demo ward (%1 residents)…</source>
        <translation>Đang tạo phường mẫu (%1 nhân khẩu)…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Huỷ</translation>
    </message>
    <message>
        <source>The demo ward could not be created.</source>
        <translation>Không tạo được phường mẫu.</translation>
    </message>
    <message>
        <source>Demo ward</source>
        <translation>Phường mẫu</translation>
    </message>
</context>
<context>
    <name>wardroll::ui::DuplicateComparisonTable</name>
    <message>
        <source>Keep %1</source>
        <translation>Giữ %1</translation>
    </message>
    <message>
        <source>First record</source>
        <translation>Bản ghi thứ nhất</translation>
    </message>
    <message>
        <source>Second record</source>
        <translation>Bản ghi thứ hai</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Trường</translation>
    </message>
    <message>
        <source>Merged record keeps</source>
        <translation>Bản ghi sau khi gộp giữ</translation>
    </message>
</context>
<context>
    <name>wardroll::ui::DuplicateReviewPage</name>
    <message>
        <source>Record that keeps its ID:</source>
        <translation>Bản ghi giữ lại mã:</translation>
    </message>
    <message>
        <source>Why they look like one person:</source>
        <translation>Vì sao có vẻ là cùng một người:</translation>
    </message>
    <message>
        <source>&amp;Merge</source>
        <translation>&amp;Gộp</translation>
    </message>
    <message>
        <source>&amp;Not the same person…</source>
        <translation>&amp;Không phải cùng một người…</translation>
    </message>
    <message>
        <source>&amp;Undo last merge</source>
        <translation>&amp;Hoàn tác lần gộp cuối</translation>
    </message>
    <message numerus="yes">
        <source>%Ln pair(s) to review</source>
        <translation>
            <numerusform>%Ln cặp cần xem xét</numerusform>
        </translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Trường</translation>
    </message>
    <message>
        <source>Comparison</source>
        <translation>So sánh</translation>
    </message>
    <message>
        <source>Weight</source>
        <translation>Trọng số</translation>
    </message>
    <message>
        <source>No duplicates to review.</source>
        <translation>Không có bản ghi trùng lặp cần xem xét.</translation>
    </message>
    <message>
        <source>Merged in duplicate review</source>
        <translation>Đã gộp khi xem xét trùng lặp</translation>
    </message>
    <message>
        <source>Merged: %1 keeps its ID. You can undo this merge.</source>
        <translation>Đã gộp: %1 giữ lại mã. Có thể hoàn tác lần gộp này.</translation>
    </message>
    <message>
        <source>Not the same person</source>
        <translation>Không phải cùng một người</translation>
    </message>
    <message>
        <source>Why are these two records different people (twins, parent and child of the same name…)? Name the documents you checked.</source>
        <translation>Vì sao hai bản ghi này là hai người khác nhau (sinh đôi, cha con trùng tên…)? Ghi rõ giấy tờ đã đối chiếu.</translation>
    </message>
    <message>
        <source>Marked as two different people.</source>
        <translation>Đã ghi nhận là hai người khác nhau.</translation>
    </message>
    <message>
        <source>The merge was undone: both records are back. The next cleaning run lists the pair again.</source>
        <translation>Đã hoàn tác lần gộp: cả hai bản ghi đã trở lại. Lần làm sạch tiếp theo sẽ liệt kê lại cặp này.</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Đóng</translation>
    </message>
</context>
<context>
    <name>wardroll::ui::FlagTableModel</name>
    <message>
        <source>Severity</source>
        <translation>Mức độ</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>Quy tắc</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Hồ sơ</translation>
    </message>
    <message>
        <source>Village</source>
        <translation>Thôn/Tổ dân phố</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Trạng thái</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>Điểm</translation>
    </message>
    <message>
        <source>Explanation</source>
        <translation>Giải thích</translation>
    </message>
</context>
<context>
    <name>wardroll::ui::HouseholdView</name>
    <message>
        <source>Make &amp;head</source>
        <translation>Đặt làm &amp;chủ hộ</translation>
    </message>
    <message>
        <source>Make the selected member the household head</source>
        <translation>Đặt thành viên đang chọn làm chủ hộ</translation>
    </message>
    <message>
        <source>&amp;Move to another household…</source>
        <translation>C&amp;huyển sang hộ khác…</translation>
    </message>
    <message>
        <source>&amp;Open record</source>
        <translation>&amp;Mở hồ sơ</translation>
    </message>
    <message>
        <source>&amp;Add member…</source>
        <translation>&amp;Thêm nhân khẩu…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Đóng</translation>
    </message>
    <message>
        <source>&amp;Rules on this household:</source>
        <translation>&amp;Kết quả kiểm tra hộ:</translation>
    </message>
    <message>
        <source>The household could not be read: %1</source>
        <translation>Không đọc được thông tin hộ: %1</translation>
    </message>
    <message>
        <source>Household %1</source>
        <translation>Hộ %1</translation>
    </message>
    <message numerus="yes">
        <source>%n member(s)</source>
        <translation>
            <numerusform>%n nhân khẩu</numerusform>
        </translation>
    </message>
    <message>
        <source>The household rules find nothing to check.</source>
        <translation>Hộ này không có gì cần kiểm tra lại.</translation>
    </message>
    <message>
        <source>Change of household head</source>
        <translation>Thay đổi chủ hộ</translation>
    </message>
    <message>
        <source>Relationship of %1 (the head until now) to the new head:</source>
        <translation>Quan hệ của %1 (chủ hộ trước đây) với chủ hộ mới:</translation>
    </message>
</context>
<context>
    <name>wardroll::ui::ImportWizard</name>
    <message>
        <source>Source reference</source>
        <translation>Mã nguồn</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>Họ và tên</translation>
    </message>
    <message>
        <source>Other names</source>
        <translation>Tên gọi khác</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>Ngày sinh</translation>
    </message>
    <message>
        <source>Sex</source>
        <translation>Giới tính</translation>
    </message>
    <message>
        <source>Personal ID</source>
        <translation>Số định danh cá nhân</translation>
    </message>
    <message>
        <source>Old ID card number</source>
        <translation>Số CMND cũ</translation>
    </message>
    <message>
        <source>Place of birth</source>
        <translation>Nơi sinh</translation>
    </message>
    <message>
        <source>Place of birth registration</source>
        <translation>Nơi đăng ký khai sinh</translation>
    </message>
    <message>
        <source>Hometown</source>
        <translation>Quê quán</translation>
    </message>
    <message>
        <source>Ethnicity</source>
        <translation>Dân tộc</translation>
    </message>
    <message>
        <source>Religion</source>
        <translation>Tôn giáo</translation>
    </message>
    <message>
        <source>Nationality</source>
        <translation>Quốc tịch</translation>
    </message>
    <message>
        <source>Marital status</source>
        <translation>Tình trạng hôn nhân</translation>
    </message>
    <message>
        <source>Permanent residence</source>
        <translation>Nơi thường trú</translation>
    </message>
    <message>
        <source>Temporary residence</source>
        <translation>Nơi tạm trú</translation>
    </message>
    <message>
        <source>Current residence</source>
        <translation>Nơi ở hiện tại</translation>
    </message>
    <message>
        <source>Village</source>
        <translation>Thôn/Tổ dân phố</translation>
    </message>
    <message>
        <source>Household number</source>
        <translation>Số hộ</translation>
    </message>
    <message>
        <source>Relationship to household head</source>
        <translation>Quan hệ với chủ hộ</translation>
    </message>
    <message>
        <source>Father&apos;s name</source>
        <translation>Họ tên cha</translation>
    </message>
    <message>
        <source>Father&apos;s personal ID</source>
        <translation>Số định danh cha</translation>
    </message>
    <message>
        <source>Mother&apos;s name</source>
        <translation>Họ tên mẹ</translation>
    </message>
    <message>
        <source>Mother&apos;s personal ID</source>
        <translation>Số định danh mẹ</translation>
    </message>
    <message>
        <source>Spouse&apos;s name</source>
        <translation>Họ tên vợ/chồng</translation>
    </message>
    <message>
        <source>Spouse&apos;s personal ID</source>
        <translation>Số định danh vợ/chồng</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Số điện thoại</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>Thư điện tử</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Trạng thái</translation>
    </message>
    <message>
        <source>Date of death</source>
        <translation>Ngày mất</translation>
    </message>
    <message>
        <source>Choose a CSV file</source>
        <translation>Chọn tệp CSV</translation>
    </message>
    <message>
        <source>CSV files (*.csv *.txt);;All files (*)</source>
        <translation>Tệp CSV (*.csv *.txt);;Mọi tệp (*)</translation>
    </message>
    <message>
        <source>Import residents from CSV</source>
        <translation>Nhập nhân khẩu từ tệp CSV</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Tệp</translation>
    </message>
    <message>
        <source>A CSV file with a header line, e.g. exported from a spreadsheet.</source>
        <translation>Tệp CSV có dòng tiêu đề, ví dụ xuất từ bảng tính.</translation>
    </message>
    <message>
        <source>&amp;File:</source>
        <translation>&amp;Tệp:</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>&amp;Chọn tệp…</translation>
    </message>
    <message>
        <source>Encoding</source>
        <translation>Bảng mã</translation>
    </message>
    <message>
        <source>Check that the names read correctly; if not, choose another encoding.</source>
        <translation>Kiểm tra họ tên hiển thị đúng dấu; nếu không, hãy chọn bảng mã khác.</translation>
    </message>
    <message>
        <source>Columns</source>
        <translation>Các cột</translation>
    </message>
    <message>
        <source>Which column of the file goes into which field.</source>
        <translation>Cột nào của tệp đưa vào trường nào.</translation>
    </message>
    <message>
        <source>Column in the file</source>
        <translation>Cột trong tệp</translation>
    </message>
    <message>
        <source>First row</source>
        <translation>Dòng đầu</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Trường</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>Kiểm tra</translation>
    </message>
    <message>
        <source>A trial run: nothing is saved yet.</source>
        <translation>Chạy thử: chưa lưu gì.</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>Dòng</translation>
    </message>
    <message>
        <source>Why the row is not imported</source>
        <translation>Lý do dòng không được nhập</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Nhập dữ liệu</translation>
    </message>
    <message>
        <source>&amp;Stop the import</source>
        <translation>&amp;Dừng nhập</translation>
    </message>
    <message>
        <source>&amp;Next &gt;</source>
        <translation>&amp;Tiếp &gt;</translation>
    </message>
    <message>
        <source>&lt; &amp;Back</source>
        <translation>&lt; &amp;Quay lại</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
    <message>
        <source>&amp;Finish</source>
        <translation>&amp;Xong</translation>
    </message>
    <message>
        <source>The file has no accented letters: every encoding reads it the same.</source>
        <translation>Tệp không có chữ có dấu: mọi bảng mã đều đọc giống nhau.</translation>
    </message>
    <message>
        <source>Detected: %1.</source>
        <translation>Nhận dạng bảng mã: %1.</translation>
    </message>
    <message>
        <source>(not imported)</source>
        <translation>(không nhập)</translation>
    </message>
    <message>
        <source>Checking every row…</source>
        <translation>Đang kiểm tra từng dòng…</translation>
    </message>
    <message>
        <source>Importing… The ward changes only when every row has been read.</source>
        <translation>Đang nhập… Dữ liệu chỉ thay đổi khi đã đọc hết mọi dòng.</translation>
    </message>
    <message>
        <source>The file “%1” could not be opened.</source>
        <translation>Không mở được tệp “%1”.</translation>
    </message>
    <message>
        <source>The file cannot be imported: %1</source>
        <translation>Không thể nhập tệp: %1</translation>
    </message>
    <message>
        <source>%1 of %2 rows can be imported; %3 would be rejected (listed below). Press Next to import.</source>
        <translation>Có thể nhập %1 trên %2 dòng; %3 dòng sẽ bị loại (liệt kê bên dưới). Bấm Tiếp để nhập.</translation>
    </message>
    <message>
        <source>The import was stopped. Nothing was saved: the ward is as it was.</source>
        <translation>Đã dừng nhập. Không có gì được lưu: dữ liệu vẫn như cũ.</translation>
    </message>
    <message>
        <source>The import failed and nothing was saved: %1</source>
        <translation>Nhập không thành công, không có gì được lưu: %1</translation>
    </message>
    <message>
        <source>Imported %1 residents (%2 households created); %3 rows rejected.</source>
        <translation>Đã nhập %1 nhân khẩu (tạo mới %2 hộ); %3 dòng bị loại.</translation>
    </message>
</context>
<context>
    <name>wardroll::ui::MainWindow</name>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Tệp</translation>
    </message>
    <message>
        <source>&amp;Open ward…</source>
        <translation>&amp;Mở phường…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Thoát</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Ngôn ngữ</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>Trợ &amp;giúp</translation>
    </message>
    <message>
        <source>&amp;About WardRoll</source>
        <translation>&amp;Giới thiệu WardRoll</translation>
    </message>
    <message>
        <source>&amp;Search:</source>
        <translation>Tìm &amp;kiếm:</translation>
    </message>
    <message>
        <source>Search by name, personal ID, year of birth…</source>
        <translation>Tìm theo tên, số định danh, năm sinh…</translation>
    </message>
    <message>
        <source>Residents: %1 · Households: %2</source>
        <translation>Nhân khẩu: %1 · Số hộ: %2</translation>
    </message>
    <message>
        <source>More than %1 matches, listed unsorted: type more to narrow the search.</source>
        <translation>Hơn %1 kết quả, chưa sắp xếp: gõ thêm để thu hẹp phạm vi tìm.</translation>
    </message>
    <message numerus="yes">
        <source>%Ln match(es)</source>
        <translation>
            <numerusform>%Ln kết quả</numerusform>
        </translation>
    </message>
    <message>
        <source>Open ward</source>
        <translation>Mở phường</translation>
    </message>
    <message>
        <source>Ward files (*.db *.wardroll);;All files (*)</source>
        <translation>Tệp dữ liệu phường (*.db *.wardroll);;Mọi tệp (*)</translation>
    </message>
    <message>
        <source>The ward could not be opened: %1

Check that the file is a WardRoll ward and that you may read and write it, then try again.</source>
        <translation>Không mở được dữ liệu phường: %1

Hãy kiểm tra tệp có đúng là dữ liệu phường của WardRoll, có quyền đọc và ghi hay không, rồi thử lại.</translation>
    </message>
    <message>
        <source>About WardRoll</source>
        <translation>Giới thiệu WardRoll</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;WardRoll %1&lt;/b&gt;&lt;/p&gt;&lt;p&gt;Residents&apos; records for commune police: enter, clean and sync residents&apos; data, offline, in a ward file on this computer.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;WardRoll %1&lt;/b&gt;&lt;/p&gt;&lt;p&gt;Hồ sơ dân cư dành cho Công an xã, phường: nhập, làm sạch và đồng bộ dữ liệu dân cư, không cần mạng, trong tệp dữ liệu phường trên máy tính này.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Đóng</translation>
    </message>
    <message>
        <source>Residents</source>
        <translation>Công dân</translation>
    </message>
    <message>
        <source>Data cleaning</source>
        <translation>Làm sạch dữ liệu</translation>
    </message>
    <message>
        <source>Duplicates</source>
        <translation>Trùng lặp</translation>
    </message>
    <message>
        <source>&amp;Cleaning</source>
        <translation>&amp;Làm sạch</translation>
    </message>
    <message>
        <source>&amp;Run cleaning</source>
        <translation>&amp;Chạy làm sạch dữ liệu</translation>
    </message>
    <message>
        <source>Cleaning &amp;queue</source>
        <translation>&amp;Danh sách cần làm sạch</translation>
    </message>
    <message>
        <source>&amp;Duplicates</source>
        <translation>&amp;Trùng lặp</translation>
    </message>
    <message>
        <source>A sync, an import or an export is still running on this ward. Open the other ward when it has finished.</source>
        <translation>Việc đồng bộ, nhập hoặc xuất dữ liệu vẫn đang chạy. Hãy mở dữ liệu khác khi việc này đã xong.</translation>
    </message>
    <message>
        <source>Open flags: %1</source>
        <translation>Vấn đề chưa xử lý: %1</translation>
    </message>
    <message>
        <source>Not yet synced: %1</source>
        <translation>Chưa đồng bộ: %1</translation>
    </message>
</context>
<context>
    <name>wardroll::ui::MemberTableModel</name>
    <message>
        <source>Male</source>
        <translation>Nam</translation>
    </message>
    <message>
        <source>Female</source>
        <translation>Nữ</translation>
    </message>
    <message>
        <source>Living</source>
        <translation>Còn sống</translation>
    </message>
    <message>
        <source>Deceased</source>
        <translation>Đã chết</translation>
    </message>
    <message>
        <source>Missing</source>
        <translation>Mất tích</translation>
    </message>
    <message>
        <source>Moved out</source>
        <translation>Đã chuyển đi</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>Họ và tên</translation>
    </message>
    <message>
        <source>Relationship to the head</source>
        <translation>Quan hệ với chủ hộ</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>Ngày sinh</translation>
    </message>
    <message>
        <source>Sex</source>
        <translation>Giới tính</translation>
    </message>
    <message>
        <source>Personal ID</source>
        <translation>Số định danh cá nhân</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Tình trạng</translation>
    </message>
    <message>
        <source>To check</source>
        <translation>Cần kiểm tra</translation>
    </message>
</context>
<context>
    <name>wardroll::ui::MoveMemberDialog</name>
    <message>
        <source>Move to another household</source>
        <translation>Chuyển sang hộ khác</translation>
    </message>
    <message>
        <source>Type a household number or a member&apos;s name</source>
        <translation>Nhập số hộ hoặc tên một thành viên trong hộ</translation>
    </message>
    <message>
        <source>Where does %1 move to?</source>
        <translation>%1 chuyển đến hộ nào?</translation>
    </message>
    <message>
        <source>&amp;Household:</source>
        <translation>&amp;Hộ:</translation>
    </message>
    <message>
        <source>&amp;Relationship to its head:</source>
        <translation>&amp;Quan hệ với chủ hộ:</translation>
    </message>
    <message>
        <source>&amp;Move</source>
        <translation>&amp;Chuyển</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
</context>
<context>
    <name>wardroll::ui::PartialDateEdit</name>
    <message>
        <source>dd/mm/yyyy, mm/yyyy or yyyy</source>
        <translation>nn/tt/nnnn, tt/nnnn hoặc nnnn</translation>
    </message>
    <message>
        <source>Type the date as written: dd/mm/yyyy, mm/yyyy, or only the year.</source>
        <translation>Nhập ngày như trên giấy tờ: ngày/tháng/năm, tháng/năm, hoặc chỉ năm.</translation>
    </message>
    <message>
        <source>This cannot be read as a date.</source>
        <translation>Không đọc được đây là ngày nào.</translation>
    </message>
    <message>
        <source>Read as %1, which is not a real date.</source>
        <translation>Đọc là %1, đây không phải ngày có thật.</translation>
    </message>
    <message>
        <source>Read as the year %1 only (day and month unknown).</source>
        <translation>Đọc là chỉ có năm %1 (không rõ ngày, tháng).</translation>
    </message>
    <message>
        <source>Read as month %1 (day unknown).</source>
        <translation>Đọc là tháng %1 (không rõ ngày).</translation>
    </message>
    <message>
        <source>Read as %1.</source>
        <translation>Đọc là %1.</translation>
    </message>
</context>
<context>
    <name>wardroll::ui::ReasonDialog</name>
    <message>
        <source>OK</source>
        <translation>Đồng ý</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
</context>
<context>
    <name>wardroll::ui::ResidentActions</name>
    <message>
        <source>&amp;Residents</source>
        <translation>&amp;Nhân khẩu</translation>
    </message>
    <message>
        <source>&amp;New resident…</source>
        <translation>&amp;Thêm nhân khẩu mới…</translation>
    </message>
    <message>
        <source>&amp;Open resident</source>
        <translation>&amp;Mở hồ sơ nhân khẩu</translation>
    </message>
    <message>
        <source>Enter or double-click on a row</source>
        <translation>Nhấn Enter hoặc nhấp đúp vào một dòng</translation>
    </message>
    <message>
        <source>&amp;Household of the resident…</source>
        <translation>&amp;Hộ của nhân khẩu…</translation>
    </message>
    <message>
        <source>Household</source>
        <translation>Hộ</translation>
    </message>
    <message>
        <source>%1 is not recorded in any household. Open the record to choose one.</source>
        <translation>%1 chưa thuộc hộ nào. Hãy mở hồ sơ để chọn hộ.</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Đóng</translation>
    </message>
</context>
<context>
    <name>wardroll::ui::ResidentFieldText</name>
    <message>
        <source>Full name</source>
        <translation>Họ, chữ đệm và tên khai sinh</translation>
    </message>
    <message>
        <source>Other names</source>
        <translation>Tên gọi khác</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>Ngày, tháng, năm sinh</translation>
    </message>
    <message>
        <source>Sex</source>
        <translation>Giới tính</translation>
    </message>
    <message>
        <source>Personal ID</source>
        <translation>Số định danh cá nhân</translation>
    </message>
    <message>
        <source>Old ID card (CMND)</source>
        <translation>Số CMND cũ</translation>
    </message>
    <message>
        <source>Place of birth</source>
        <translation>Nơi sinh</translation>
    </message>
    <message>
        <source>Place of birth registration</source>
        <translation>Nơi đăng ký khai sinh</translation>
    </message>
    <message>
        <source>Hometown</source>
        <translation>Quê quán</translation>
    </message>
    <message>
        <source>Ethnicity</source>
        <translation>Dân tộc</translation>
    </message>
    <message>
        <source>Religion</source>
        <translation>Tôn giáo</translation>
    </message>
    <message>
        <source>Nationality</source>
        <translation>Quốc tịch</translation>
    </message>
    <message>
        <source>Marital status</source>
        <translation>Tình trạng hôn nhân</translation>
    </message>
    <message>
        <source>Permanent residence</source>
        <translation>Nơi thường trú</translation>
    </message>
    <message>
        <source>Temporary residence</source>
        <translation>Nơi tạm trú</translation>
    </message>
    <message>
        <source>Current residence</source>
        <translation>Nơi ở hiện tại</translation>
    </message>
    <message>
        <source>Village</source>
        <translation>Thôn/Tổ dân phố</translation>
    </message>
    <message>
        <source>Household and relationship to the head</source>
        <translation>Hộ và quan hệ với chủ hộ</translation>
    </message>
    <message>
        <source>Father&apos;s name</source>
        <translation>Họ tên cha</translation>
    </message>
    <message>
        <source>Father&apos;s personal ID</source>
        <translation>Số định danh của cha</translation>
    </message>
    <message>
        <source>Mother&apos;s name</source>
        <translation>Họ tên mẹ</translation>
    </message>
    <message>
        <source>Mother&apos;s personal ID</source>
        <translation>Số định danh của mẹ</translation>
    </message>
    <message>
        <source>Spouse&apos;s name</source>
        <translation>Họ tên vợ/chồng</translation>
    </message>
    <message>
        <source>Spouse&apos;s personal ID</source>
        <translation>Số định danh của vợ/chồng</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Số điện thoại</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>Thư điện tử</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Tình trạng</translation>
    </message>
    <message>
        <source>Date of death</source>
        <translation>Ngày mất</translation>
    </message>
    <message>
        <source>Male</source>
        <translation>Nam</translation>
    </message>
    <message>
        <source>Female</source>
        <translation>Nữ</translation>
    </message>
    <message>
        <source>Living</source>
        <translation>Còn sống</translation>
    </message>
    <message>
        <source>Deceased</source>
        <translation>Đã chết</translation>
    </message>
    <message>
        <source>Missing</source>
        <translation>Mất tích</translation>
    </message>
    <message>
        <source>Moved out</source>
        <translation>Đã chuyển đi</translation>
    </message>
</context>
<context>
    <name>wardroll::ui::ResidentFilterBar</name>
    <message>
        <source>V&amp;illage:</source>
        <translation>T&amp;hôn:</translation>
    </message>
    <message>
        <source>S&amp;tatus:</source>
        <translation>Tình t&amp;rạng:</translation>
    </message>
    <message>
        <source>Fla&amp;gs:</source>
        <translation>&amp;Vấn đề:</translation>
    </message>
    <message>
        <source>Sy&amp;nc:</source>
        <translation>Đồng bộ (&amp;y):</translation>
    </message>
    <message>
        <source>All villages</source>
        <translation>Tất cả thôn, tổ dân phố</translation>
    </message>
    <message>
        <source>Any status</source>
        <translation>Mọi tình trạng</translation>
    </message>
    <message>
        <source>Living</source>
        <translation>Còn sống</translation>
    </message>
    <message>
        <source>Deceased</source>
        <translation>Đã chết</translation>
    </message>
    <message>
        <source>Missing</source>
        <translation>Mất tích</translation>
    </message>
    <message>
        <source>Moved out</source>
        <translation>Đã chuyển đi</translation>
    </message>
    <message>
        <source>With or without flags</source>
        <translation>Có hoặc không có vấn đề</translation>
    </message>
    <message>
        <source>With open flags</source>
        <translation>Có vấn đề chưa xử lý</translation>
    </message>
    <message>
        <source>Any sync state</source>
        <translation>Mọi trạng thái đồng bộ</translation>
    </message>
    <message>
        <source>With a sync conflict</source>
        <translation>Có xung đột đồng bộ</translation>
    </message>
    <message>
        <source>Not yet synced</source>
        <translation>Chưa đồng bộ</translation>
    </message>
</context>
<context>
    <name>wardroll::ui::ResidentForm</name>
    <message>
        <source>Scan chip card &amp;QR:</source>
        <translation>Quét mã &amp;QR trên thẻ CCCD:</translation>
    </message>
    <message>
        <source>Scan the QR code on the ID card, or type it and press Enter</source>
        <translation>Quét mã QR trên thẻ căn cước, hoặc gõ mã rồi nhấn Enter</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Hoàn tác</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>Làm lại</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Lưu</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Đóng</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Lưu</translation>
    </message>
    <message>
        <source>Apply the suggested fix</source>
        <translation>Sửa theo gợi ý</translation>
    </message>
    <message>
        <source>The record could not be opened: %1</source>
        <translation>Không mở được hồ sơ: %1</translation>
    </message>
    <message>
        <source>Choose the household</source>
        <translation>Chọn hộ</translation>
    </message>
    <message>
        <source>Edit “%1”</source>
        <translation>Sửa “%1”</translation>
    </message>
    <message>
        <source>Use %1</source>
        <translation>Dùng %1</translation>
    </message>
    <message>
        <source>Use “%1”</source>
        <translation>Dùng “%1”</translation>
    </message>
    <message>
        <source>Required.</source>
        <translation>Bắt buộc phải có.</translation>
    </message>
    <message>
        <source>See the note under “%1”.</source>
        <translation>Xem ghi chú dưới ô “%1”.</translation>
    </message>
    <message>
        <source>The rules find nothing to check.</source>
        <translation>Không có gì cần kiểm tra lại.</translation>
    </message>
    <message>
        <source>To check: %1, %2.</source>
        <translation>Cần kiểm tra: %1, %2.</translation>
    </message>
    <message numerus="yes">
        <source>%n error(s)</source>
        <translation>
            <numerusform>%n lỗi</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n warning(s)</source>
        <translation>
            <numerusform>%n cảnh báo</numerusform>
        </translation>
    </message>
    <message>
        <source>Apply the suggested “%1”</source>
        <translation>Sửa “%1” theo gợi ý</translation>
    </message>
    <message>
        <source>Fill from the chip card</source>
        <translation>Điền từ thẻ CCCD</translation>
    </message>
    <message>
        <source>Filled from the chip card of %1: check the card and complete the other fields.</source>
        <translation>Đã điền từ thẻ CCCD của %1: hãy đối chiếu với thẻ và nhập các ô còn lại.</translation>
    </message>
    <message>
        <source>The ward file is busy: another program is writing to it. Wait a moment and save again.</source>
        <translation>Tệp dữ liệu đang bận vì chương trình khác đang ghi. Hãy chờ một lát rồi lưu lại.</translation>
    </message>
    <message>
        <source>The ward file is open read-only: the record cannot be saved on this computer.</source>
        <translation>Tệp dữ liệu đang mở ở chế độ chỉ đọc: không thể lưu hồ sơ trên máy này.</translation>
    </message>
    <message>
        <source>The record was not saved: %1</source>
        <translation>Chưa lưu được hồ sơ: %1</translation>
    </message>
    <message>
        <source>Enter the full name before saving.</source>
        <translation>Hãy nhập họ và tên trước khi lưu.</translation>
    </message>
    <message>
        <source>“%1”: choose an entry from the list, or clear the field.</source>
        <translation>“%1”: hãy chọn một mục trong danh sách, hoặc xóa trống ô này.</translation>
    </message>
    <message>
        <source>%1 changed this record after you opened it. Your changes are not saved: close the form, open the record again and redo them.</source>
        <translation>%1 đã sửa hồ sơ này sau khi đồng chí mở ra. Thay đổi của đồng chí chưa được lưu: hãy đóng biểu mẫu, mở lại hồ sơ rồi sửa lại.</translation>
    </message>
    <message>
        <source>Someone</source>
        <translation>Người khác</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>Chưa lưu thay đổi</translation>
    </message>
    <message>
        <source>The changes to this record are not saved. Close the form and lose them?</source>
        <translation>Các thay đổi của hồ sơ này chưa được lưu. Đóng biểu mẫu và bỏ các thay đổi đó?</translation>
    </message>
    <message>
        <source>Close without saving</source>
        <translation>Đóng, không lưu</translation>
    </message>
    <message>
        <source>Keep editing</source>
        <translation>Tiếp tục sửa</translation>
    </message>
    <message>
        <source>New resident</source>
        <translation>Nhân khẩu mới</translation>
    </message>
    <message>
        <source>Resident: %1</source>
        <translation>Nhân khẩu: %1</translation>
    </message>
</context>
<context>
    <name>wardroll::ui::ResidentFormFields</name>
    <message>
        <source>Personal ID</source>
        <translation>Số định danh cá nhân</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>Họ, chữ đệm và tên khai sinh</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>Ngày, tháng, năm sinh</translation>
    </message>
    <message>
        <source>Sex</source>
        <translation>Giới tính</translation>
    </message>
    <message>
        <source>Other names</source>
        <translation>Tên gọi khác</translation>
    </message>
    <message>
        <source>Old ID card (CMND)</source>
        <translation>Số CMND cũ</translation>
    </message>
    <message>
        <source>Hometown</source>
        <translation>Quê quán</translation>
    </message>
    <message>
        <source>Place of birth registration</source>
        <translation>Nơi đăng ký khai sinh</translation>
    </message>
    <message>
        <source>Place of birth</source>
        <translation>Nơi sinh</translation>
    </message>
    <message>
        <source>Ethnicity</source>
        <translation>Dân tộc</translation>
    </message>
    <message>
        <source>Religion</source>
        <translation>Tôn giáo</translation>
    </message>
    <message>
        <source>Nationality</source>
        <translation>Quốc tịch</translation>
    </message>
    <message>
        <source>Permanent residence</source>
        <translation>Nơi thường trú</translation>
    </message>
    <message>
        <source>Current residence</source>
        <translation>Nơi ở hiện tại</translation>
    </message>
    <message>
        <source>Temporary residence</source>
        <translation>Nơi tạm trú</translation>
    </message>
    <message>
        <source>Village / residential group</source>
        <translation>Thôn, tổ dân phố</translation>
    </message>
    <message>
        <source>House number, street</source>
        <translation>Số nhà, đường phố</translation>
    </message>
    <message>
        <source>Household</source>
        <translation>Hộ</translation>
    </message>
    <message>
        <source>Relationship to the household head</source>
        <translation>Quan hệ với chủ hộ</translation>
    </message>
    <message>
        <source>Village (for lists)</source>
        <translation>Thôn, tổ dân phố (để lập danh sách)</translation>
    </message>
    <message>
        <source>Father&apos;s full name</source>
        <translation>Họ tên cha</translation>
    </message>
    <message>
        <source>Father&apos;s personal ID</source>
        <translation>Số định danh của cha</translation>
    </message>
    <message>
        <source>Mother&apos;s full name</source>
        <translation>Họ tên mẹ</translation>
    </message>
    <message>
        <source>Mother&apos;s personal ID</source>
        <translation>Số định danh của mẹ</translation>
    </message>
    <message>
        <source>Spouse&apos;s full name</source>
        <translation>Họ tên vợ/chồng</translation>
    </message>
    <message>
        <source>Spouse&apos;s personal ID</source>
        <translation>Số định danh của vợ/chồng</translation>
    </message>
    <message>
        <source>Marital status</source>
        <translation>Tình trạng hôn nhân</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Tình trạng</translation>
    </message>
    <message>
        <source>Date of death or going missing</source>
        <translation>Ngày chết hoặc mất tích</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Số điện thoại</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>Thư điện tử</translation>
    </message>
    <message>
        <source>Identity</source>
        <translation>Nhân thân</translation>
    </message>
    <message>
        <source>Origin</source>
        <translation>Quê quán, nơi sinh, dân tộc</translation>
    </message>
    <message>
        <source>Residence and household</source>
        <translation>Nơi cư trú và hộ</translation>
    </message>
    <message>
        <source>Family</source>
        <translation>Quan hệ gia đình</translation>
    </message>
    <message>
        <source>Status and contact</source>
        <translation>Tình trạng và liên lạc</translation>
    </message>
    <message>
        <source>Personal &amp;ID:</source>
        <translation>Số &amp;định danh cá nhân:</translation>
    </message>
    <message>
        <source>Full &amp;name:</source>
        <translation>&amp;Họ, chữ đệm và tên khai sinh:</translation>
    </message>
    <message>
        <source>Date of &amp;birth:</source>
        <translation>&amp;Ngày, tháng, năm sinh:</translation>
    </message>
    <message>
        <source>&amp;Hometown:</source>
        <translation>&amp;Quê quán:</translation>
    </message>
    <message>
        <source>&amp;Permanent residence:</source>
        <translation>Nơi &amp;thường trú:</translation>
    </message>
    <message>
        <source>Hous&amp;ehold:</source>
        <translation>H&amp;ộ:</translation>
    </message>
    <message>
        <source>&amp;Father&apos;s full name:</source>
        <translation>Họ tên &amp;cha:</translation>
    </message>
    <message>
        <source>S&amp;tatus:</source>
        <translation>Tình t&amp;rạng:</translation>
    </message>
    <message>
        <source>Type a household number or a member&apos;s name</source>
        <translation>Nhập số hộ hoặc tên một thành viên trong hộ</translation>
    </message>
    <message>
        <source>Commune or ward (2025 catalogue)</source>
        <translation>Xã, phường (danh mục 2025)</translation>
    </message>
    <message>
        <source>(not known)</source>
        <translation>(chưa rõ)</translation>
    </message>
    <message>
        <source>Male</source>
        <translation>Nam</translation>
    </message>
    <message>
        <source>Female</source>
        <translation>Nữ</translation>
    </message>
    <message>
        <source>Living</source>
        <translation>Còn sống</translation>
    </message>
    <message>
        <source>Deceased</source>
        <translation>Đã chết</translation>
    </message>
    <message>
        <source>Missing</source>
        <translation>Mất tích</translation>
    </message>
    <message>
        <source>Moved out</source>
        <translation>Đã chuyển đi</translation>
    </message>
</context>
<context>
    <name>wardroll::ui::ResidentPageQuery</name>
    <message>
        <source>The list of residents could not be read.</source>
        <translation>Không đọc được danh sách cư dân.</translation>
    </message>
</context>
<context>
    <name>wardroll::ui::ResidentTableModel</name>
    <message>
        <source>Male</source>
        <translation>Nam</translation>
    </message>
    <message>
        <source>Female</source>
        <translation>Nữ</translation>
    </message>
    <message>
        <source>Living</source>
        <translation>Còn sống</translation>
    </message>
    <message>
        <source>Deceased</source>
        <translation>Đã chết</translation>
    </message>
    <message>
        <source>Missing</source>
        <translation>Mất tích</translation>
    </message>
    <message>
        <source>Moved out</source>
        <translation>Đã chuyển đi</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>Họ và tên</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>Ngày sinh</translation>
    </message>
    <message>
        <source>Sex</source>
        <translation>Giới tính</translation>
    </message>
    <message>
        <source>Personal ID</source>
        <translation>Số định danh cá nhân</translation>
    </message>
    <message>
        <source>Village</source>
        <translation>Thôn/Tổ dân phố</translation>
    </message>
    <message>
        <source>Household no.</source>
        <translation>Mã hộ</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Trạng thái</translation>
    </message>
</context>
<context>
    <name>wardroll::ui::RuleLabels</name>
    <message>
        <source>Personal ID malformed</source>
        <translation>Số định danh cá nhân sai định dạng</translation>
    </message>
    <message>
        <source>Unknown personal ID prefix</source>
        <translation>Mã nơi đăng ký khai sinh trong số định danh không xác định</translation>
    </message>
    <message>
        <source>Personal ID contradicts sex or century</source>
        <translation>Số định danh mâu thuẫn với giới tính hoặc thế kỷ sinh</translation>
    </message>
    <message>
        <source>Personal ID contradicts year of birth</source>
        <translation>Số định danh mâu thuẫn với năm sinh</translation>
    </message>
    <message>
        <source>Personal ID used by several people</source>
        <translation>Số định danh trùng giữa nhiều người</translation>
    </message>
    <message>
        <source>Personal ID missing</source>
        <translation>Thiếu số định danh cá nhân</translation>
    </message>
    <message>
        <source>Impossible date</source>
        <translation>Ngày không hợp lệ</translation>
    </message>
    <message>
        <source>Date in the future</source>
        <translation>Ngày ở tương lai</translation>
    </message>
    <message>
        <source>Implausible age</source>
        <translation>Tuổi không hợp lý</translation>
    </message>
    <message>
        <source>Death before birth</source>
        <translation>Ngày mất trước ngày sinh</translation>
    </message>
    <message>
        <source>Name written irregularly</source>
        <translation>Họ tên viết chưa chuẩn</translation>
    </message>
    <message>
        <source>Invalid characters in name</source>
        <translation>Họ tên có ký tự không hợp lệ</translation>
    </message>
    <message>
        <source>Mandatory fields missing</source>
        <translation>Thiếu trường bắt buộc</translation>
    </message>
    <message>
        <source>Deceased person still listed</source>
        <translation>Người đã mất vẫn còn trong danh sách</translation>
    </message>
    <message>
        <source>Address in an abolished unit</source>
        <translation>Địa chỉ thuộc đơn vị hành chính đã bị bãi bỏ</translation>
    </message>
    <message>
        <source>Unknown administrative unit</source>
        <translation>Đơn vị hành chính không xác định</translation>
    </message>
    <message>
        <source>Household without a head</source>
        <translation>Hộ không có chủ hộ</translation>
    </message>
    <message>
        <source>Household with several heads</source>
        <translation>Hộ có nhiều chủ hộ</translation>
    </message>
    <message>
        <source>Head with more than one spouse</source>
        <translation>Chủ hộ có nhiều hơn một vợ/chồng</translation>
    </message>
    <message>
        <source>Relationship contradicts sex</source>
        <translation>Quan hệ với chủ hộ mâu thuẫn với giới tính</translation>
    </message>
    <message>
        <source>Relationship contradicts ages</source>
        <translation>Quan hệ với chủ hộ mâu thuẫn với tuổi</translation>
    </message>
    <message>
        <source>Spouse under the legal marriage age</source>
        <translation>Vợ/chồng chưa đủ tuổi kết hôn</translation>
    </message>
    <message>
        <source>Probable duplicate</source>
        <translation>Có khả năng cao trùng lặp</translation>
    </message>
    <message>
        <source>Possible duplicate</source>
        <translation>Có thể trùng lặp</translation>
    </message>
</context>
<context>
    <name>wardroll::ui::SyncImportActions</name>
    <message>
        <source>S&amp;ync</source>
        <translation>Đồng &amp;bộ</translation>
    </message>
    <message>
        <source>&amp;Sync now</source>
        <translation>Đồng bộ &amp;ngay</translation>
    </message>
    <message>
        <source>Changes and sync &amp;state…</source>
        <translation>Các thay đổi và &amp;trạng thái đồng bộ…</translation>
    </message>
    <message>
        <source>&amp;Conflicts…</source>
        <translation>&amp;Xung đột…</translation>
    </message>
    <message>
        <source>&amp;Import from CSV…</source>
        <translation>&amp;Nhập từ tệp CSV…</translation>
    </message>
    <message>
        <source>&amp;Export to CSV…</source>
        <translation>&amp;Xuất ra tệp CSV…</translation>
    </message>
    <message>
        <source>Export to CSV</source>
        <translation>Xuất ra tệp CSV</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Tệp CSV (*.csv)</translation>
    </message>
    <message>
        <source>%1 residents were written to “%2”.</source>
        <translation>Đã ghi %1 nhân khẩu vào “%2”.</translation>
    </message>
    <message>
        <source>The export did not complete: %1</source>
        <translation>Xuất tệp không hoàn tất: %1</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Đóng</translation>
    </message>
</context>
<context>
    <name>wardroll::ui::SyncPanel</name>
    <message>
        <source>Sync</source>
        <translation>Đồng bộ</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>STT</translation>
    </message>
    <message>
        <source>Made at</source>
        <translation>Thời điểm</translation>
    </message>
    <message>
        <source>Officer</source>
        <translation>Cán bộ</translation>
    </message>
    <message>
        <source>Records</source>
        <translation>Số hồ sơ</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Trạng thái</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Lý do</translation>
    </message>
    <message>
        <source>&amp;Sync now</source>
        <translation>Đồng bộ &amp;ngay</translation>
    </message>
    <message>
        <source>&amp;Conflicts…</source>
        <translation>&amp;Xung đột…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Đóng</translation>
    </message>
    <message>
        <source>The hub answered: online.</source>
        <translation>Máy chủ đã trả lời: trực tuyến.</translation>
    </message>
    <message>
        <source>Offline: the hub did not answer.</source>
        <translation>Ngoại tuyến: máy chủ không trả lời.</translation>
    </message>
    <message>
        <source>This ward is not enrolled with a hub: changes are kept here and can be exported to a file.</source>
        <translation>Máy này chưa đăng ký với máy chủ đồng bộ: các thay đổi được giữ trên máy và có thể xuất ra tệp.</translation>
    </message>
    <message>
        <source>Last sync failed: %1</source>
        <translation>Lần đồng bộ gần nhất không thành công: %1</translation>
    </message>
    <message>
        <source>&amp;Conflicts (%1)…</source>
        <translation>&amp;Xung đột (%1)…</translation>
    </message>
    <message>
        <source>Waiting to be sent</source>
        <translation>Chờ gửi</translation>
    </message>
    <message>
        <source>Sent, waiting for the hub</source>
        <translation>Đã gửi, chờ máy chủ</translation>
    </message>
    <message>
        <source>Accepted by the hub</source>
        <translation>Máy chủ đã nhận</translation>
    </message>
    <message>
        <source>Refused by the hub</source>
        <translation>Máy chủ từ chối</translation>
    </message>
</context>
<context>
    <name>wardroll::ui::SyncStatusWidget</name>
    <message>
        <source>Not enrolled with a hub</source>
        <translation>Chưa đăng ký máy chủ đồng bộ</translation>
    </message>
    <message>
        <source>Syncing…</source>
        <translation>Đang đồng bộ…</translation>
    </message>
    <message>
        <source>● Online</source>
        <translation>● Trực tuyến</translation>
    </message>
    <message>
        <source>○ Offline</source>
        <translation>○ Ngoại tuyến</translation>
    </message>
    <message>
        <source>Last sync: %1</source>
        <translation>Đồng bộ lần cuối: %1</translation>
    </message>
    <message>
        <source>Never synced</source>
        <translation>Chưa đồng bộ lần nào</translation>
    </message>
    <message numerus="yes">
        <source>%Ln change(s) to send</source>
        <translation>
            <numerusform>%Ln thay đổi chờ gửi</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln refused</source>
        <translation>
            <numerusform>%Ln bị từ chối</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln conflict(s)</source>
        <translation>
            <numerusform>%Ln xung đột</numerusform>
        </translation>
    </message>
    <message>
        <source>Click to see the changes and their sync state.</source>
        <translation>Bấm để xem các thay đổi và trạng thái đồng bộ.</translation>
    </message>
    <message>
        <source>Last sync failed: %1</source>
        <translation>Lần đồng bộ gần nhất không thành công: %1</translation>
    </message>
    <message>
        <source>Sync now</source>
        <translation>Đồng bộ ngay</translation>
    </message>
</context>
</TS>
