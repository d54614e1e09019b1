using Nemu.Hw.Tests.Misc;

namespace Nemu.Hw.Tests.Differential;

/// <summary>
/// Differential check of register reset values against QEMU 7.2 (STYLE.md habit 6): every catalogued register
/// of mps2-an385 and lm3s6965evb, read through the Nemu device's IMemoryRegionOps after a reset, equals what
/// QEMU's monitor read on the stopped board. With NEMU_RECORD=1 the data file is recorded from QEMU first.
/// </summary>
public sealed class QemuResetValuesTests
{
    private const string RecordSwitch = "NEMU_RECORD";

    [Fact]
    public void EveryRegisterResetsToTheValueQemuReads()
    {
        if (Environment.GetEnvironmentVariable(RecordSwitch) == "1")
        {
            Record();
        }

        var recorded = ResetValueFile.Load();
        var mismatches = new List<string>();
        foreach (var device in ResetDeviceCatalog.Devices)
        {
            var ops = device.Create(new TestMachine());
            foreach (var register in device.Rows)
            {
                var expected = recorded[(register.Board, register.Address)].Value;
                var actual = TestMachine.Read(ops, register.Offset);
                if (actual != expected)
                {
                    mismatches.Add($"{register.Board} {register.Device} {register.Name} (0x{register.Address:x8}): QEMU 0x{expected:x8}, Nemu 0x{actual:x8}");
                }
            }
        }

        Assert.True(mismatches.Count == 0, "reset values differ from QEMU 7.2:\n" + string.Join('\n', mismatches));
    }

    [Fact]
    public void DataFileHoldsExactlyTheCataloguedRegisters()
    {
        var recorded = ResetValueFile.Load();
        var catalogued = ResetDeviceCatalog.Registers.ToDictionary(r => (r.Board, r.Address));
        Assert.Equal(catalogued.Count, recorded.Count);
        foreach (var (key, (register, _)) in recorded)
        {
            Assert.True(catalogued.TryGetValue(key, out var expected), $"{register} is recorded but not catalogued: re-record with {RecordSwitch}=1");
            Assert.Equal(expected, register);
        }
    }

    private static void Record()
    {
        var values = new Dictionary<(string, ulong), uint>();
        foreach (var board in ResetDeviceCatalog.Devices.Select(d => d.Board).Distinct())
        {
            var addresses = ResetDeviceCatalog.Registers.Where(r => r.Board == board).Select(r => r.Address).ToList();
            foreach (var (address, value) in QemuResetRecorder.Read(board, addresses))
            {
                values[(board, address)] = value;
            }
        }

        ResetValueFile.Write(QemuResetRecorder.Version(), ResetDeviceCatalog.Devices, r => values[(r.Board, r.Address)]);
    }
}
