-- The currency before the last change, so Settings can take a currency change back (amounts are never converted).
ALTER TABLE `workspace_settings` ADD `previous_currency` text;
