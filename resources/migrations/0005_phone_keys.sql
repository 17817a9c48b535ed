-- The phone dedupe key now leaves extensions out ("617-555-0195 x204" is the number "(617) 555-0195"), drops
-- the "(0)" of "+44 (0)20 …" and gives every national number the default calling code. Keys stored by the
-- earlier rule would no longer meet the keys of new contacts, so every stored key is recomputed with the
-- current rule (tandem_phone_key, registered on each connection from src/shared/domain/phone.ts).
UPDATE `contacts` SET `phone_key` = tandem_phone_key(`phone`) WHERE `phone_key` IS NOT tandem_phone_key(`phone`);
