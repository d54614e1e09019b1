// Implements: reading an image file with QEMU-like diagnostics (perror: "PATH: No such file or directory").
namespace Nemu.Loader;

/// <summary>Reads whole image files with a size bound so a huge file cannot exhaust memory.</summary>
public static class ImageFile
{
    /// <summary>
    /// Reads <paramref name="path"/>; returns null when it exceeds <paramref name="maxSize"/> bytes. Throws
    /// <see cref="LoaderException"/> with <paramref name="errorMessage"/> and a perror-style detail on I/O errors.
    /// </summary>
    public static byte[]? Read(string path, ulong maxSize, string errorMessage)
    {
        try
        {
            var info = new FileInfo(path);
            if (!info.Exists)
            {
                throw new LoaderException(errorMessage, Directory.Exists(path) ? $"{path}: Is a directory" : $"{path}: No such file or directory");
            }

            if ((ulong)info.Length > maxSize || info.Length > Array.MaxLength)
            {
                return null;
            }

            return File.ReadAllBytes(path);
        }
        catch (UnauthorizedAccessException ex)
        {
            throw new LoaderException(errorMessage, $"{path}: Permission denied", ex);
        }
        catch (IOException ex)
        {
            throw new LoaderException(errorMessage, $"{path}: {ex.Message}", ex);
        }
    }
}
