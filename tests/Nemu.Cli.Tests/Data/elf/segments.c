const unsigned int table[8] = {0x11111111, 0x22222222, 0x33333333, 0x44444444, 0xdeadbeef, 0xcafef00d, 0x01020304, 0xa5a5a5a5};
unsigned int counter = 0x12345678;
unsigned int zeroed[16];
int main(void) { return (int)(table[counter & 7] + zeroed[3]); }
