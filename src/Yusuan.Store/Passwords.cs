using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Yusuan.Store;

/// <summary>
/// Password hashes as "pbkdf2-sha256$ITERATIONS$SALT$HASH" (base64): PBKDF2 with SHA-256, a random 16-byte salt per password and
/// the iteration count stored with the hash, so it can be raised later without invalidating old hashes.
/// </summary>
public static class Passwords
{
    public const int Iterations = 210_000;

    /// <summary>Shorter passwords are refused where they are set.</summary>
    public const int MinimumLength = 8;

    /// <summary>A random password of 12 letters and digits, for first accounts and for users whose password an admin will hand over.</summary>
    public static string Generate() => RandomNumberGenerator.GetString("abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789", 12);

    public static string Hash(string password)
    {
        var salt = RandomNumberGenerator.GetBytes(16);
        var hash = Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(password), salt, Iterations, HashAlgorithmName.SHA256, 32);
        return $"pbkdf2-sha256${Iterations}${Convert.ToBase64String(salt)}${Convert.ToBase64String(hash)}";
    }

    /// <summary>Whether the password matches the stored hash, compared in constant time; false for a missing or malformed hash.</summary>
    public static bool Verify(string password, string? stored)
    {
        var parts = stored?.Split('$');
        if (parts is not ["pbkdf2-sha256", var iterationText, var saltText, var hashText] || !int.TryParse(iterationText, NumberStyles.None, CultureInfo.InvariantCulture, out var iterations) || iterations < 1)
        {
            // Spend the same work as a real check, so timing does not tell whether the user exists.
            Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(password), new byte[16], Iterations, HashAlgorithmName.SHA256, 32);
            return false;
        }

        try
        {
            var expected = Convert.FromBase64String(hashText);
            var actual = Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(password), Convert.FromBase64String(saltText), iterations, HashAlgorithmName.SHA256, expected.Length);
            return CryptographicOperations.FixedTimeEquals(actual, expected);
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
