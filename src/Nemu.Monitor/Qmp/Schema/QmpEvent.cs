namespace Nemu.Monitor.Qmp.Schema;

/// <summary>A QMP event as declared in the schema (QAPI <c>{ 'event': ... }</c>): its name and data type.</summary>
public sealed record QmpEvent(string Name, QmpObjectType? Data);
