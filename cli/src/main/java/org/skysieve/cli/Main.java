package org.skysieve.cli;

/** Entry point of the {@code skysieve} command. PLACEHOLDER until the picocli commands land. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.out.println("skysieve");
    }
}
