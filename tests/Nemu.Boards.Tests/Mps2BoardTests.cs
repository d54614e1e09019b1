using Nemu.Cli;
using Nemu.Core;
using Nemu.Core.Time;
using Nemu.Memory;
using Nemu.System;

namespace Nemu.Boards.Tests;

/// <summary>The MPS2 FPGA images' memory maps as seen by the bus (mprofile.md §6.3), built in-process.</summary>
public sealed class Mps2BoardTests
{
    [Fact]
    public void An500PutsThePsramMachineRamAt0x60000000()
    {
        using var machine = Build(Mps2Board.An500);

        Assert.Equal(MemTxResult.Ok, machine.AddressSpaceMemory.Write(new GuestAddress(0x60000100), 0xCAFEF00D, 4, default));
        machine.AddressSpaceMemory.Read(new GuestAddress(0x60000100), 4, default, out var value);

        Assert.Equal(0xCAFEF00DUL, value);

        // The AN385 PSRAM address is only QEMU's RAZ/WI "PSRAM" window on AN500.
        machine.AddressSpaceMemory.Write(new GuestAddress(0x21000100), 0xCAFEF00D, 4, default);
        machine.AddressSpaceMemory.Read(new GuestAddress(0x21000100), 4, default, out var low);
        Assert.Equal(0UL, low);
    }

    [Fact]
    public void An500HasNoBlockRamOnlyTheUnimplementedWindow()
    {
        using var machine = Build(Mps2Board.An500);

        // RAZ/WI: QEMU keeps the "Block RAM" unimplemented-device region but maps no RAM over it on AN500.
        Assert.Equal(MemTxResult.Ok, machine.AddressSpaceMemory.Write(new GuestAddress(0x01000000), 0x12345678, 4, default));
        machine.AddressSpaceMemory.Read(new GuestAddress(0x01000000), 4, default, out var value);

        Assert.Equal(0UL, value);
    }

    [Theory]
    [InlineData("mps2-an385", 0x41043850u)]
    [InlineData("mps2-an386", 0x41043860u)]
    [InlineData("mps2-an500", 0x41045000u)]
    public void SccIdRegisterIdentifiesTheFpgaImage(string board, uint sccId)
    {
        using var machine = Build(board switch
        {
            "mps2-an385" => Mps2Board.An385,
            "mps2-an386" => Mps2Board.An386,
            _ => Mps2Board.An500,
        });

        machine.AddressSpaceMemory.Read(new GuestAddress(0x4002FFFC), 4, default, out var value);

        Assert.Equal(sccId, value);
    }

    [Fact]
    public void An500DefaultsToTheCortexM7()
    {
        Assert.Equal("cortex-m7-arm-cpu", Mps2Board.An500.DefaultCpuType);
        Assert.Equal("mps.ram", Mps2Board.An500.DefaultRamId);
        Assert.Equal(Mps2Board.RamSize, Mps2Board.An500.DefaultRamSize);
    }

    [Theory]
    [InlineData("timer0", "cmsdk-apb-timer")]
    [InlineData("timer1", "cmsdk-apb-timer")]
    [InlineData("dualtimer", "cmsdk-apb-dualtimer")]
    [InlineData("watchdog", "cmsdk-apb-watchdog")]
    [InlineData("fpgaio", "mps2-fpgaio")]
    [InlineData("scc", "mps2-scc")]
    public void EmbeddedDevicesHaveQemusQomNames(string name, string type)
    {
        using var machine = Build(Mps2Board.An385);
        Assert.Equal(type, machine.Qdev.FindByPath("/machine/" + name)?.Type.Name);
    }

    private static Machine Build(MachineType type)
    {
        var machine = new Machine(type, MachineTime.CreateRealTime(), CliExtensions.CreateDeviceRegistry());
        machine.Ram = MemoryRegion.CreateRam(type.DefaultRamId, type.DefaultRamSize);
        type.Init(machine);
        return machine;
    }
}
