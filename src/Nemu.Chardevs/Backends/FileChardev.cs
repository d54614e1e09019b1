// The file backend (QEMU's chardev/char-file.c): output to path= (truncated, or appended with
// append=on), optional input from input-path= (10.0). Every Write is one write(2) with no user-space
// buffer, so output is in the file even if the process dies or the peer goes away.
using Nemu.Core.Interop;
using Nemu.Core.Threading;

namespace Nemu.Chardevs.Backends;

/// <summary><c>-chardev file,path=P[,input-path=I][,append=on]</c> / <c>-serial file:P</c>; <c>filename</c> is <c>file</c>.</summary>
public sealed class FileChardev : FdChardev
{
    private FileChardev(string id, IMainLoop loop, int inFd, int outFd, string path)
        : base(id, loop, inFd, outFd, ownsFds: true)
    {
        Path = path;
    }

    public override string BackendName => "file";

    public override string Filename => "file";

    /// <summary>The output file.</summary>
    public string Path { get; }

    /// <exception cref="ChardevException"><c>Could not open 'P': No such file or directory</c> and the like.</exception>
    public static FileChardev Open(string id, IMainLoop loop, string path, string? inputPath = null, bool append = false)
    {
        const int Mode = 0x1b6; // 0666, as QEMU's qemu_create
        var flags = LibC.OWrOnly | LibC.OCloExec | LibC.OCreat | (append ? LibC.OAppend : LibC.OTrunc);
        var outFd = OpenOrThrow(path, flags, Mode);
        var inFd = -1;
        if (inputPath is not null)
        {
            try
            {
                inFd = OpenOrThrow(inputPath, LibC.ORdOnly | LibC.OCloExec, 0);
            }
            catch
            {
                LibC.Close(outFd);
                throw;
            }
        }

        var chardev = new FileChardev(id, loop, inFd, outFd, path);
        chardev.Start();
        return chardev;
    }

    internal static int OpenOrThrow(string path, int flags, int mode)
    {
        var fd = LibC.Open(path, flags, mode);
        if (fd < 0)
        {
            throw new ChardevException($"Could not open '{path}': {Errno.LastText()}");
        }

        return fd;
    }
}
