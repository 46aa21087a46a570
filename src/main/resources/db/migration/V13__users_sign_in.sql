-- Users sign in to the admin UI: a generated or reset password must be changed at the next
-- sign-in, two-factor (TOTP) is optional per user, and a user can be disabled without
-- losing what the audit trail says they did.
ALTER TABLE app_user ADD COLUMN must_change_password BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE app_user ADD COLUMN password_changed_at TIMESTAMP WITH TIME ZONE;
-- The TOTP secret, encrypted like page tokens (io.leadrelay.crypto); NULL: two-factor off.
ALTER TABLE app_user ADD COLUMN totp_secret VARCHAR(512);
-- The last time step a code was accepted for, so that a code works once.
ALTER TABLE app_user ADD COLUMN totp_last_step BIGINT;
ALTER TABLE app_user ADD COLUMN disabled_at TIMESTAMP WITH TIME ZONE;
