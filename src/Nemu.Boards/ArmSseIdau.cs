// Implements: QEMU 7.2 armsse_idau_check (hw/arm/armsse.c; mprofile.md §6.4), the implementation-defined
// attribution unit of IoTKit / SSE-200: IREGION = address[31:28]; Non-secure iff bit 28 is clear;
// Non-secure-callable iff (region 1 and NSCCFG.CODENSC) or (region 3 and NSCCFG.RAMNSC); exempt iff
// (address & 0xEFF00000) == 0xE0000000 (the PPB and its NS alias). Every armv7m of the SSE takes it as its
// "idau" link. QEMU's nsccfg handler only stores the value; Changed lets the board drop decoded code as well.
using Nemu.Arm.Exceptions;

namespace Nemu.Boards;

/// <summary>The SSE's IDAU, shared by its CPUs; NSCCFG comes from the security controller.</summary>
internal sealed class ArmSseIdau : IIdau
{
    /// <summary>NSCCFG of iotkit-secctl: CODENSC b0, RAMNSC b1.</summary>
    public uint NscCfg
    {
        get => _nscCfg;
        set
        {
            if (_nscCfg != value)
            {
                _nscCfg = value;
                Changed?.Invoke();
            }
        }
    }

    /// <summary>Raised when NSCCFG changes the attribution (Non-secure-callable regions).</summary>
    public event Action? Changed;

    private uint _nscCfg;

    public void Check(uint address, out int iregion, out bool exempt, out bool ns, out bool nsc)
    {
        var region = (int)(address >> 28);
        iregion = region;
        ns = (region & 1) == 0;
        nsc = (region == 1 && (NscCfg & 1) != 0) || (region == 3 && (NscCfg & 2) != 0);
        exempt = (address & 0xEFF00000) == 0xE0000000;
    }
}
