namespace Yusuan.Store;

/// <summary>A budget-domain rule the store enforces (a published version never changes, states move only forward …); its message is Chinese and meant for the user.</summary>
public class StoreException(string message) : Exception(message);

/// <summary>Someone else saved the version first; <see cref="Revision"/> is the revision now stored.</summary>
public sealed class StoreConflictException(string message, int revision) : StoreException(message)
{
    public int Revision { get; } = revision;
}
