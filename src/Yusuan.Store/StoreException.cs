namespace Yusuan.Store;

/// <summary>A budget-domain rule the store enforces (a published version never changes, states move only forward …); its message is Chinese and meant for the user.</summary>
public sealed class StoreException(string message) : Exception(message);
