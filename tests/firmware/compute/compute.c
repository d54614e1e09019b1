/*
 * A CoreMark-like workload (our own, not CoreMark): linked-list reversal and search, a small integer
 * matrix multiply, a text-scanning state machine and a bitwise CRC-16, each feeding a CRC-32 checksum.
 * The output ("compute: iterations=N checksum=XXXXXXXX") is deterministic, so the same image doubles as a
 * correctness check and, later, as the bench/ workload. ITERATIONS can be set with -DITERATIONS=n.
 */
#include <stdint.h>
#include "console.h"

#ifndef ITERATIONS
#define ITERATIONS 20
#endif

#define LIST_LEN 64
#define MAT_N 12

struct node {
    struct node *next;
    uint32_t value;
};

static struct node nodes[LIST_LEN];
static int32_t mat_a[MAT_N][MAT_N], mat_b[MAT_N][MAT_N], mat_c[MAT_N][MAT_N];
static uint32_t seed = 0x12345678;

static uint32_t next_random(void)
{
    /* xorshift32: cheap and the same on every variant (no multiply needed on v6-M). */
    seed ^= seed << 13;
    seed ^= seed >> 17;
    seed ^= seed << 5;
    return seed;
}

static uint32_t crc32_update(uint32_t crc, uint32_t word)
{
    crc = ~crc;
    for (int i = 0; i < 32; i++) {
        uint32_t bit = (crc ^ (word >> i)) & 1u;
        crc = (crc >> 1) ^ (bit ? 0xEDB88320u : 0u);
    }
    return ~crc;
}

static uint16_t crc16_byte(uint16_t crc, uint8_t byte)
{
    crc ^= (uint16_t)byte << 8;
    for (int i = 0; i < 8; i++) {
        crc = (crc & 0x8000u) ? (uint16_t)((crc << 1) ^ 0x1021u) : (uint16_t)(crc << 1);
    }
    return crc;
}

static uint32_t list_work(void)
{
    struct node *head = 0;
    for (int i = 0; i < LIST_LEN; i++) {
        nodes[i].value = next_random() & 0xFFFF;
        nodes[i].next = head;
        head = &nodes[i];
    }
    /* Reverse, then find the maximum and count values above the mean. */
    struct node *prev = 0;
    while (head) {
        struct node *next = head->next;
        head->next = prev;
        prev = head;
        head = next;
    }
    uint32_t sum = 0, max = 0, above = 0;
    for (struct node *n = prev; n; n = n->next) {
        sum += n->value;
        if (n->value > max) {
            max = n->value;
        }
    }
    uint32_t mean = sum / LIST_LEN;
    for (struct node *n = prev; n; n = n->next) {
        above += n->value > mean;
    }
    return sum ^ (max << 16) ^ above;
}

static uint32_t matrix_work(void)
{
    for (int i = 0; i < MAT_N; i++) {
        for (int j = 0; j < MAT_N; j++) {
            mat_a[i][j] = (int32_t)(next_random() % 201) - 100;
            mat_b[i][j] = (int32_t)(next_random() % 201) - 100;
        }
    }
    uint32_t acc = 0;
    for (int i = 0; i < MAT_N; i++) {
        for (int j = 0; j < MAT_N; j++) {
            int32_t s = 0;
            for (int k = 0; k < MAT_N; k++) {
                s += mat_a[i][k] * mat_b[k][j];
            }
            mat_c[i][j] = s;
            acc = crc32_update(acc, (uint32_t)s);
        }
    }
    return acc;
}

enum scan_state { START, INT_PART, FRACTION, EXPONENT, INVALID };

static uint32_t state_machine_work(void)
{
    static const char alphabet[] = "0123456789.e-+x ,";
    char text[96];
    for (unsigned i = 0; i < sizeof text; i++) {
        text[i] = alphabet[next_random() % (sizeof alphabet - 1)];
    }
    uint32_t counts[5] = { 0, 0, 0, 0, 0 };
    enum scan_state state = START;
    for (unsigned i = 0; i < sizeof text; i++) {
        char c = text[i];
        if (c == ' ' || c == ',') {
            counts[state]++;
            state = START;
            continue;
        }
        switch (state) {
        case START:
            state = (c >= '0' && c <= '9') || c == '-' || c == '+' ? INT_PART : (c == '.' ? FRACTION : INVALID);
            break;
        case INT_PART:
            state = (c >= '0' && c <= '9') ? INT_PART : (c == '.' ? FRACTION : (c == 'e' ? EXPONENT : INVALID));
            break;
        case FRACTION:
            state = (c >= '0' && c <= '9') ? FRACTION : (c == 'e' ? EXPONENT : INVALID);
            break;
        case EXPONENT:
            state = (c >= '0' && c <= '9') || c == '-' || c == '+' ? EXPONENT : INVALID;
            break;
        default:
            break;
        }
    }
    counts[state]++;
    uint16_t crc = 0xFFFF;
    for (unsigned i = 0; i < sizeof text; i++) {
        crc = crc16_byte(crc, (uint8_t)text[i]);
    }
    return crc ^ (counts[0] << 4) ^ (counts[1] << 8) ^ (counts[2] << 12) ^ (counts[3] << 16) ^ (counts[4] << 20);
}

int main(void)
{
    console_init();
    uint32_t checksum = 0;
    for (int i = 0; i < ITERATIONS; i++) {
        checksum = crc32_update(checksum, list_work());
        checksum = crc32_update(checksum, matrix_work());
        checksum = crc32_update(checksum, state_machine_work());
    }
    console_puts("compute: iterations=");
    console_dec(ITERATIONS);
    console_puts(" checksum=");
    console_hex32(checksum);
    console_putc('\n');
    console_flush();
    return 0;
}
