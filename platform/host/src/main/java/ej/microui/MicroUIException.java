package ej.microui;

/**
 * What the MicroUI implementation throws when it cannot do what was asked, with the message
 * {@code MicroUI:E=<messageId>} (docs ApplicationDeveloperGuide/UI/MicroUI/errors.rst). Unchecked: MicroEJ's examples
 * call {@code Font.getFont} in methods that declare nothing (Example-Java-Widget). Its superclass is inferred
 * (docs/api-evidence.md); the firmware never names this class, it catches {@code RuntimeException}.
 */
public class MicroUIException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** @param message {@code MicroUI:E=<messageId>}, and on the host what went wrong */
    public MicroUIException(String message) {
        super(message);
    }
}
