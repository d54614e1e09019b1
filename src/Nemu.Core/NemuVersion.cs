namespace Nemu.Core;

/// <summary>The product version, from the assembly version set in Directory.Build.props.</summary>
public static class NemuVersion
{
    public static string Text => typeof(NemuVersion).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";
}
