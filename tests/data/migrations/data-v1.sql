INSERT INTO households(id, household_no, created_at, updated_at) VALUES
  ('0190b8e4-0000-7000-8000-000000000001', 'H1', 1700000000000, 1700000000000);
INSERT INTO residents(id, source_ref, household_id, relation_to_head, full_name, birth_date_raw, birth_year,
                      birth_month, birth_day, sex, search_text, name_key, created_at, updated_at) VALUES
  ('0190b8e4-0000-7000-8000-000000000002', 'R1', '0190b8e4-0000-7000-8000-000000000001', 'Chủ hộ',
   'Nguyễn Thị Ánh', '01/02/1980', 1980, 2, 1, 'F', 'nguyen thi anh 1980', 'nguyen thi anh', 1700000000000, 1700000000000),
  ('0190b8e4-0000-7000-8000-000000000003', 'R2', '0190b8e4-0000-7000-8000-000000000001', 'Mẹ',
   'Trần Thị Bé', '00/00/1950', 1950, NULL, NULL, 'F', 'tran thi be 1950', 'tran thi be', 1700000000000, 1700000000000);
