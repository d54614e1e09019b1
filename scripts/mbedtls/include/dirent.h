/*
 * <dirent.h> for the bare-metal mbedtls build: newlib's Arm port has no directory API ("<dirent.h> not
 * supported") and Arm semihosting has no operation to list a host directory (management.md §7.2), but
 * x509_crt.c's mbedtls_x509_crt_parse_path needs the declarations under MBEDTLS_FS_IO. nemu_platform.c defines
 * opendir() to fail with ENOSYS, so parse_path reports MBEDTLS_ERR_X509_FILE_IO_ERROR on every emulator.
 */
#ifndef NEMU_MBEDTLS_DIRENT_H
#define NEMU_MBEDTLS_DIRENT_H

typedef struct nemu_dir DIR;

struct dirent {
    char d_name[256];
};

DIR *opendir(const char *name);
struct dirent *readdir(DIR *dir);
int closedir(DIR *dir);

#endif
