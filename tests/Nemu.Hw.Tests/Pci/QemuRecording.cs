namespace Nemu.Hw.Tests.Pci;

/// <summary>Values recorded from QEMU 7.2 (notes/issue6-ref/qtest-main.txt, `-M virt,highmem=off -device edu -device pci-testdev`).</summary>
internal static class QemuRecording
{
    /// <summary>edu (00:01.0) config dwords 0x00-0x3c as read through ECAM after reset.</summary>
    public static readonly uint[] EduHeader =
    [
        0x11e81234, 0x00100000, 0x00ff0010, 0x00000000, 0x00000000, 0x00000000, 0x00000000, 0x00000000,
        0x00000000, 0x00000000, 0x00000000, 0x11001af4, 0x00000000, 0x00000040, 0x00000000, 0x00000100,
    ];

    /// <summary>edu's MSI capability dwords 0x40-0x54.</summary>
    public static readonly uint[] EduMsiCapability = [0x00800005, 0, 0, 0, 0, 0];

    /// <summary>pci-testdev (00:02.0) config dwords 0x00-0x3c after reset.</summary>
    public static readonly uint[] TestdevHeader =
    [
        0x00051b36, 0x00000000, 0x00ff0000, 0x00000000, 0x00000000, 0x00000001, 0x00000000, 0x00000000,
        0x00000000, 0x00000000, 0x00000000, 0x11001af4, 0x00000000, 0x00000000, 0x00000000, 0x00000000,
    ];
}
