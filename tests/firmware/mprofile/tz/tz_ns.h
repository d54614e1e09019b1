/*
 * Header for a separate Non-secure image (MprofileFirmware.BuildTz): the Secure services of tz.c, reached through
 * the SG veneers of the Secure image's import library. NS strings live in NS memory, which Secure code may read.
 */
#ifndef NEMU_FW_TZ_NS_H
#define NEMU_FW_TZ_NS_H

#include <stdint.h>

#define REG32(a) (*(volatile uint32_t *)(a))

void tz_s_kv(const char *name, uint32_t value);
void tz_s_end_line(void);
void tz_s_exit(int code) __attribute__((noreturn));
void tz_s_unexpected(uint32_t ipsr) __attribute__((noreturn));

#endif
