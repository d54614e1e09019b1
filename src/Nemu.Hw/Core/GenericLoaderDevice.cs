using Nemu.Loader;
using Nemu.Loader.Generic;
using Nemu.Qdev;

namespace Nemu.Hw.Core;

/// <summary>
/// QEMU's generic loader (<c>-device loader</c>, hw/core/generic-loader.c, docs/system/generic-loader.rst):
/// loads an ELF or raw file as ROM blobs, pokes 1-8 bytes of data at every reset, or sets a CPU's PC.
/// Validation and loading are <see cref="GenericLoader"/>'s; this is the device around them.
/// Not modelled: U-Boot and Intel HEX images (they load raw).
/// </summary>
public sealed class GenericLoaderDevice : Device
{
    /// <summary>QEMU's CPU_NONE: no cpu-num given.</summary>
    public const uint CpuNone = uint.MaxValue;

    public static readonly DeviceType TypeInfo =
        DeviceType.Define("loader", () => new GenericLoaderDevice())
            .Description("Generic Loader")
            .Category(DeviceCategories.Misc)
            .UserCreatable()
            .UInt64("addr", d => ref d._addr)
            .UInt64("data", d => ref d._data)
            .UInt8("data-len", d => ref d._dataLen)
            .Bool("data-be", d => ref d._dataBe)
            .UInt32("cpu-num", d => ref d._cpuNum, CpuNone)
            .String("file", d => ref d._file)
            .Bool("force-raw", d => ref d._forceRaw)
            .Build();

    private ulong _addr;
    private ulong _data;
    private byte _dataLen;
    private bool _dataBe;
    private uint _cpuNum;
    private string? _file;
    private bool _forceRaw;
    private GenericLoaderPlan? _plan;

    protected override void OnRealize()
    {
        var host = GetService<ILoaderHost>();
        var request = new GenericLoaderRequest(_file, _addr, _cpuNum == CpuNone ? null : _cpuNum, _forceRaw, _data, _dataLen, _dataBe);
        try
        {
            _plan = GenericLoader.Plan(request, host.Roms, host.CpuCount, host.RamSize);
        }
        catch (LoaderException e)
        {
            throw new QdevException(e.Detail is null ? e.Message : $"{e.Detail}\n{e.Message}");
        }
    }

    protected override void OnReset()
    {
        if (_plan is null)
        {
            return;
        }

        var host = GetService<ILoaderHost>();
        if (_plan.DataBytes is { } bytes)
        {
            host.WriteMemory(_plan.CpuIndex, _plan.DataAddress, bytes);
        }

        if (_plan.SetPc is { } pc)
        {
            host.SetProgramCounter(_plan.CpuIndex, pc);
        }
    }
}
