-- The shop of the visit whose identity check made the grant, and the staff member who checked:
-- only staff of that shop may use the grant. Rows written before these columns existed keep
-- shop_id NULL and are unusable by any shop (grants live a couple of hours, so this touches only
-- grants in flight at the upgrade; such a visit needs a new reservation and identity check).
ALTER TABLE pin_reset_grant ADD COLUMN shop_id TEXT;
ALTER TABLE pin_reset_grant ADD COLUMN staff_id TEXT;
