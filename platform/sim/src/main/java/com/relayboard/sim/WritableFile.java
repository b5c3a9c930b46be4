package com.relayboard.sim;

import java.io.File;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;

/**
 * Checks that the simulator can write a file it was told to write (the LCD's PNG, the broker's log) before the
 * board starts, and says why not in words: Java's own messages name the temporary file a write went through
 * rather than the reason.
 */
final class WritableFile {

    private WritableFile() {
    }

    /**
     * Creates {@code target}'s folder if needed and a scratch file in it, as the writers do.
     *
     * @return why {@code target} cannot be written, or {@code null} when it can
     */
    static String problem(File target) {
        Path file = target.toPath().toAbsolutePath();
        if (Files.isDirectory(file)) {
            return "it is a folder";
        }
        Path folder = file.getParent();
        try {
            Files.createDirectories(folder);
            Path scratch = Files.createTempFile(folder, "." + file.getFileName(), ".check");
            Files.delete(scratch);
            if (Files.exists(file) && !Files.isWritable(file)) {
                return "permission denied";
            }
            return null;
        } catch (IOException e) {
            return "cannot create a file in " + folder + " (" + reason(e) + ")";
        }
    }

    /** @return the reason an input/output operation failed, without the names of the files it involved */
    static String reason(IOException e) {
        if (e instanceof FileAlreadyExistsException) {
            // createDirectories met a file where a folder should be.
            return ((FileSystemException) e).getFile() + " is a file, not a folder";
        }
        if (e instanceof NoSuchFileException) {
            return "no such file or directory";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof NotDirectoryException) {
            return "not a folder";
        }
        if (e instanceof FileSystemException && ((FileSystemException) e).getReason() != null) {
            return ((FileSystemException) e).getReason();
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
