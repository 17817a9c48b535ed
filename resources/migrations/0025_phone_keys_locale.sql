-- National phone numbers ("030 1234567") are keyed with the calling code of the workspace's locale, after the
-- trunk prefix each country dials before them (Italy keeps its 0, Hungary drops 06). Keys stored before this
-- took North America's +1 until a locale change re-keyed them with a single 0 dropped, and a locale change
-- also gave a key to numbers a spreadsheet turned into scientific notation ("4.93012E+10"), which must match
-- nobody. Every stored key is recomputed with the current rule and the locale's code; those numbers lose theirs.
UPDATE `contacts` SET `phone_key` = tandem_phone_key(`phone`, tandem_calling_code((SELECT `locale` FROM `workspace_settings` WHERE `id` = 'workspace')))
WHERE `phone` IS NOT NULL
  AND `phone_key` IS NOT tandem_phone_key(`phone`, tandem_calling_code((SELECT `locale` FROM `workspace_settings` WHERE `id` = 'workspace')));
