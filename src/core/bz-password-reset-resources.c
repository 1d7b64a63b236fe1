/* bz-password-reset-resources.c — the tables of bz-password-reset-resources.h. */
#include "bz-password-reset-resources.h"

BZ_RESOURCE_DEFINE (bz_password_forgot, PASSWORD_FORGOT, "PasswordForgot",
                    "Ask for a password reset (seed 002 4.2)", BZ_PASSWORD_FORGOT_FIELDS)
BZ_RESOURCE_DEFINE (bz_password_reset, PASSWORD_RESET, "PasswordReset",
                    "Set a new password with a reset code", BZ_PASSWORD_RESET_FIELDS)
BZ_RESOURCE_DEFINE (bz_password_reset_code, PASSWORD_RESET_CODE, "PasswordResetCode",
                    "A one-time password-reset code for a patient's member account", BZ_PASSWORD_RESET_CODE_FIELDS)
