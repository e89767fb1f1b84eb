namespace Yusuan.Core;

/// <summary>The outcome of reading one value from user data: either the value, or the reason it could not be read (never an exception).</summary>
public readonly struct ParseResult<T>
{
    private readonly T? value;

    private ParseResult(T? value, string? error)
    {
        this.value = value;
        Error = error;
    }

    public bool Success => Error is null;

    /// <summary>Chinese reason the text could not be read; null on success.</summary>
    public string? Error { get; }

    public T Value => Success ? value! : throw new InvalidOperationException("No value: " + Error);

    public static ParseResult<T> ForValue(T value) => new(value, null);

    public static ParseResult<T> ForError(string error) => new(default, error);
}
