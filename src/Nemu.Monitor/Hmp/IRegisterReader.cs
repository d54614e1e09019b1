namespace Nemu.Monitor.Hmp;

/// <summary>What an HMP expression needs to evaluate <c>$reg</c> terms.</summary>
public interface IRegisterReader
{
    /// <summary>The value of register <paramref name="name"/>, or false when there is no such register.</summary>
    bool TryRead(string name, out ulong value);
}
