import Foundation
import GRDB

/// Any error as a sentence for the coach. Ours speak for themselves; the system's (Foundation's
/// `NSCocoaErrorDomain` errors, POSIX errors, SQLite's) are told by what they concern and why,
/// never dumped as a structure the coach cannot read.
public enum ErrorText {
    /// Nil for an error this does not know (the argument parser's, which it prints itself).
    public static func describe(_ error: any Error, in language: JournalConfig.Language) -> String? {
        if let error = error as? any UserFacingError { return error.message(in: language) }
        if let error = error as? DatabaseError {
            let reason = error.resultCode == .SQLITE_FULL ? reason(ENOSPC).in(language)
                : error.resultCode == .SQLITE_READONLY ? reason(EROFS).in(language)
                : error.resultCode == .SQLITE_BUSY ? (Message("another process holds it", fr: "un autre processus l'occupe").in(language))
                : (Message("SQLite error \(error.resultCode.rawValue)", fr: "erreur SQLite \(error.resultCode.rawValue)").in(language))
            return Message("the index .journal/index.sqlite could not be used (\(reason)); it is built again from the notes as soon as possible, and deleting .journal/ is safe",
                       fr: "l'index .journal/index.sqlite n'a pas pu être utilisé (\(reason)) ; il est reconstruit à partir des notes dès que possible, et supprimer .journal/ est sans risque").in(language)
        }
        let nsError = error as NSError
        if nsError.domain == NSPOSIXErrorDomain {
            return reason(Int32(nsError.code)).in(language)
        }
        guard nsError.domain == NSCocoaErrorDomain else { return nil }
        let path = (nsError.userInfo[NSFilePathErrorKey] as? String)
            ?? (nsError.userInfo[NSURLErrorKey] as? URL)?.path
        var why: String
        if let underlying = nsError.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
            why = reason(Int32(underlying.code)).in(language)
        } else {
            switch CocoaError.Code(rawValue: nsError.code) {
            case .fileNoSuchFile, .fileReadNoSuchFile: why = reason(ENOENT).in(language)
            case .fileReadNoPermission, .fileWriteNoPermission: why = reason(EACCES).in(language)
            case .fileWriteOutOfSpace: why = reason(ENOSPC).in(language)
            case .fileWriteVolumeReadOnly: why = reason(EROFS).in(language)
            case .fileWriteFileExists: why = reason(EEXIST).in(language)
            case .fileReadCorruptFile, .fileReadInapplicableStringEncoding:
                why = Message("its content cannot be read", fr: "son contenu n'est pas lisible").in(language)
            default: why = Message("file system error \(nsError.code)", fr: "erreur du système de fichiers \(nsError.code)").in(language)
            }
        }
        // Foundation numbers read errors from 256 and write errors from 512; 4 is "no such file".
        let reading = (256..<512).contains(nsError.code) || nsError.code == 4
        guard let path else { return why }
        return reading ? (Message("could not read \(path): \(why)", fr: "impossible de lire \(path) : \(why)").in(language))
                       : (Message("could not write \(path): \(why)", fr: "impossible d'écrire \(path) : \(why)").in(language))
    }

    /// A reason written by `strerror` (in English, as the system gives it) in the coach's language.
    public static func localised(_ reason: String, in language: JournalConfig.Language) -> String {
        guard language == .fr else { return reason }
        for code in [ENOSPC, EDQUOT, EFBIG, EACCES, EPERM, EROFS, ENOENT, EEXIST, EIO, ENOTDIR, EISDIR]
        where String(cString: strerror(code)) == reason {
            return Self.reason(code).fr
        }
        return reason
    }

    /// A system error number in words: in English as `strerror` gives it, in French for the
    /// errors a coach may meet (the system's words otherwise).
    public static func reason(_ code: Int32) -> Message {
        let system = String(cString: strerror(code))
        switch code {
        case ENOSPC: return Message(system, fr: "plus de place sur le disque")
        case EDQUOT: return Message(system, fr: "quota de disque dépassé")
        case EFBIG: return Message(system, fr: "fichier trop grand pour le système")
        case EACCES, EPERM: return Message(system, fr: "permission refusée")
        case EROFS: return Message(system, fr: "disque en lecture seule")
        case ENOENT: return Message(system, fr: "fichier ou dossier introuvable")
        case EEXIST: return Message(system, fr: "le fichier existe déjà")
        case EIO: return Message(system, fr: "erreur d'entrée-sortie du disque")
        case ENOTDIR: return Message(system, fr: "un élément du chemin n'est pas un dossier")
        case EISDIR: return Message(system, fr: "c'est un dossier")
        default: return Message(system, fr: system)
        }
    }
}
