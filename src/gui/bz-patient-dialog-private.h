/* bz-patient-dialog-private.h — between bz-patient-dialog.c (the form) and
 * bz-patient-dialog-sheet.c (the temporary password's page and its printed
 * hand-over sheet): the instance struct.  Not for other files. */
#pragma once

#include <adwaita.h>

#include "bz-patient-dialog.h"
#include "bz-resource.h"
#include "bz-vocab.h"

G_BEGIN_DECLS

/* The text rows, in the form's order. */
enum { E_FIRST, E_LAST, E_EMAIL, E_PHONE, E_BIRTH, E_STATE, E_CITY, E_TARGET, E_CONDITIONS, E_ALLERGIES, E_RESTRICTIONS, N_ENTRIES };
/* The consent switches (bz-patient-dialog-consents.c): data processing, marketing, sharing. */
#define BZ_PATIENT_DIALOG_N_CONSENTS 3
/* The choice rows. */
enum { C_GENDER, C_GOAL, C_ACTIVITY, C_DIET, C_STATUS, N_CHOICES };

typedef struct
{
  AdwComboRow *row;
  const BzVocab *vocab;
  gboolean nullable;   /* item 0 is "Not set" */
} Choice;

struct _BzPatientDialog
{
  AdwWindow parent_instance;

  BzGuiSession *session;
  char *patient_id;          /* NULL: a new patient */
  GCancellable *cancellable;

  AdwWindowTitle *title;
  GtkWidget *cancel_button;
  GtkWidget *save_button;
  GtkStack *stack;
  AdwEntryRow *entries[N_ENTRIES];
  Choice choices[N_CHOICES];
  GtkWidget *status_group;
  GtkWidget *consent_group;
  GtkCheckButton *consent_check;
  GtkLabel *reason;
  GtkWidget *reason_box;

  AdwStatusPage *created_page;
  GtkLabel *password_label;
  char *password;            /* the temporary password, until the dialog closes */
  char *created_name, *created_email;

  gboolean busy;
  gboolean valid;
  GtkWidget *erase_group;    /* "Delete Account…", when editing (bz-patient-dialog-erase.c) */
  GtkWidget *erase_button;
  char *save_error;          /* why the last save failed, until the next change */
  GtkSwitch *consent_switches[BZ_PATIENT_DIALOG_N_CONSENTS];   /* editing only */
  AdwActionRow *notice_row;  /* the notice's version and acceptance date */
  BzRecord *consent;         /* the UserConsent as stored (NULL until read) */
  gboolean consent_syncing;  /* the switches are being set from @consent */
  gboolean consent_pending;  /* a read or a change of the consents in flight */
};

/** bz_patient_dialog_build_created: Returns: (transfer floating): the "created" page (password, Copy, Print). */
GtkWidget *bz_patient_dialog_build_created (BzPatientDialog *self);
/** bz_patient_dialog_forget_password: wipes the temporary password from memory and from the page. */
void       bz_patient_dialog_forget_password (BzPatientDialog *self);
/** bz_patient_dialog_build_erase_group: Returns: (transfer floating): the Privacy group with "Delete Account…". */
GtkWidget *bz_patient_dialog_build_erase_group (BzPatientDialog *self);
/**
 * bz_patient_dialog_add_consent_rows:
 * @group: the Privacy #AdwPreferencesGroup
 *
 * Adds the consent switches and the notice row to @group and starts reading
 * the patient's consents (bz-patient-dialog-consents.c).
 */
void       bz_patient_dialog_add_consent_rows (BzPatientDialog *self, GtkWidget *group);
/** bz_patient_dialog_set_busy: marks a save or a deletion in flight (Save off while it runs). */
void       bz_patient_dialog_set_busy (BzPatientDialog *self, gboolean busy);
/** bz_patient_dialog_emit_account_deleted: emits "account-deleted". */
void       bz_patient_dialog_emit_account_deleted (BzPatientDialog *self);
/** bz_patient_dialog_show_reason: the line under the form says @text (%NULL or "" hides it). */
void       bz_patient_dialog_show_reason (BzPatientDialog *self, const char *text);


/**
 * bz_handover_sheet_operation:
 * @patient_name: the new patient's full name
 * @email: the sign-in email
 * @password: the temporary password; copied, and wiped from memory when
 *   the operation is finalized
 * @nutritionist: (nullable): who hands it over (an email), printed at the foot
 *
 * A one-page GtkPrintOperation (A4/Letter, points, 15 mm margins) laid out
 * with bz-print-flow.h: title, patient, email, the password large in a
 * monospace face, and the first sign-in instructions.
 *
 * Returns: (transfer full): the operation, not yet run.
 */
GtkPrintOperation *bz_handover_sheet_operation (const char *patient_name, const char *email,
                                                const char *password, const char *nutritionist);

G_END_DECLS
