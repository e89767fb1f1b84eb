namespace Yusuan.Core;

/// <summary>Guards against programmer errors. Bad user data never reaches these: it is reported as a finding or an input problem.</summary>
public static class Preconditions
{
    public static T CheckNotNull<T>(T? value, string paramName) where T : class =>
        value ?? throw new ArgumentNullException(paramName);

    public static void CheckArgument(bool condition, string paramName, string message)
    {
        if (!condition)
        {
            throw new ArgumentException(message, paramName);
        }
    }
}
