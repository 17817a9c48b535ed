-- National phone numbers ("030 1234567") are keyed with the calling code of the workspace's locale, and the
-- trunk prefix each country dials before them is its own (Italy keeps its 0, Hungary drops 06). Keys stored
-- before were all North America's (+1) and a single dropped 0, so a German workspace's "030 1234567" never met
-- "+49 30 1234567". Every stored key is recomputed with the locale's code; a number kept without a key (its
-- digits lost to a spreadsheet's scientific notation) stays without one.
UPDATE `contacts` SET `phone_key` = tandem_phone_key(`phone`, tandem_calling_code((SELECT `locale` FROM `workspace_settings` LIMIT 1)))
WHERE `phone_key` IS NOT NULL
  AND `phone_key` IS NOT tandem_phone_key(`phone`, tandem_calling_code((SELECT `locale` FROM `workspace_settings` LIMIT 1)));
