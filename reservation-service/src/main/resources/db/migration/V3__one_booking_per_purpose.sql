-- Only a booking still to come holds its purpose: a checked-in visit that never ends with a PIN
-- reset (an OTHER visit, or a reset not done at the terminal) must not block the next booking.
DROP INDEX reservation_one_active_per_purpose;
CREATE UNIQUE INDEX reservation_one_booking_per_purpose ON reservation (contract_id, purpose)
    WHERE status = 'BOOKED';
