/* test-realtime.h — helpers test-realtime.c shares with test-realtime-frames.c. */
#pragma once

#include "bz-realtime-client.h"

#define WAIT_MS 10000

void              ensure_users (void);
const char       *rt_member_token (void);
char             *ws_url (const char *token);
char             *claim (const char *token, const char *name);
BzRealtimeClient *open_socket (const char *token);
JsonNode         *expect (BzRealtimeClient *c, const char *event);
void              expect_nothing_before_probe (BzRealtimeClient *c);
