import Foundation
import GRDB

/// Any error as a sentence for the coach. Ours speak for themselves; the system's (Foundation's
/// `NSCocoaErrorDomain` errors, POSIX errors, SQLite's) are told by what they concern and why,
/// never dumped as a structure the coach cannot read.
public enum ErrorText {
    /// Nil for an error this does not know (the argument parser's, which it prints itself).
    public static func describe(_ error: any Error, in language: JournalConfig.Language) -> String? {
        let fr = language == .fr
        if let error = error as? any UserFacingError { return error.message(in: language) }
        if let error = error as? DatabaseError {
            let reason = error.resultCode == .SQLITE_FULL ? reason(ENOSPC, fr: fr)
                : error.resultCode == .SQLITE_READONLY ? reason(EROFS, fr: fr)
                : error.resultCode == .SQLITE_BUSY ? (fr ? "un autre processus l'occupe" : "another process holds it")
                : (fr ? "erreur SQLite \(error.resultCode.rawValue)" : "SQLite error \(error.resultCode.rawValue)")
            return fr ? "l'index .journal/index.sqlite n'a pas pu être utilisé (\(reason)) ; il est reconstruit à partir des notes dès que possible, et supprimer .journal/ est sans risque"
                      : "the index .journal/index.sqlite could not be used (\(reason)); it is built again from the notes as soon as possible, and deleting .journal/ is safe"
        }
        let nsError = error as NSError
        if nsError.domain == NSPOSIXErrorDomain {
            return reason(Int32(nsError.code), fr: fr)
        }
        guard nsError.domain == NSCocoaErrorDomain else { return nil }
        let path = (nsError.userInfo[NSFilePathErrorKey] as? String)
            ?? (nsError.userInfo[NSURLErrorKey] as? URL)?.path
        var why: String
        if let underlying = nsError.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
            why = reason(Int32(underlying.code), fr: fr)
        } else {
            switch CocoaError.Code(rawValue: nsError.code) {
            case .fileNoSuchFile, .fileReadNoSuchFile: why = reason(ENOENT, fr: fr)
            case .fileReadNoPermission, .fileWriteNoPermission: why = reason(EACCES, fr: fr)
            case .fileWriteOutOfSpace: why = reason(ENOSPC, fr: fr)
            case .fileWriteVolumeReadOnly: why = reason(EROFS, fr: fr)
            case .fileWriteFileExists: why = reason(EEXIST, fr: fr)
            case .fileReadCorruptFile, .fileReadInapplicableStringEncoding:
                why = fr ? "son contenu n'est pas lisible" : "its content cannot be read"
            default: why = fr ? "erreur du système de fichiers \(nsError.code)" : "file system error \(nsError.code)"
            }
        }
        // Foundation numbers read errors from 256 and write errors from 512; 4 is "no such file".
        let reading = (256..<512).contains(nsError.code) || nsError.code == 4
        guard let path else { return why }
        return reading ? (fr ? "impossible de lire \(path) : \(why)" : "could not read \(path): \(why)")
                       : (fr ? "impossible d'écrire \(path) : \(why)" : "could not write \(path): \(why)")
    }

    /// A reason written by `strerror` (in English, as the system gives it) in the coach's language.
    public static func localised(_ reason: String, in language: JournalConfig.Language) -> String {
        guard language == .fr else { return reason }
        for code in [ENOSPC, EDQUOT, EFBIG, EACCES, EPERM, EROFS, ENOENT, EEXIST, EIO, ENOTDIR, EISDIR]
        where String(cString: strerror(code)) == reason {
            return Self.reason(code, fr: true)
        }
        return reason
    }

    /// A system error number in words, in French for the errors a coach may meet.
    public static func reason(_ code: Int32, fr: Bool) -> String {
        guard fr else { return String(cString: strerror(code)) }
        switch code {
        case ENOSPC: return "plus de place sur le disque"
        case EDQUOT: return "quota de disque dépassé"
        case EFBIG: return "fichier trop grand pour le système"
        case EACCES, EPERM: return "permission refusée"
        case EROFS: return "disque en lecture seule"
        case ENOENT: return "fichier ou dossier introuvable"
        case EEXIST: return "le fichier existe déjà"
        case EIO: return "erreur d'entrée-sortie du disque"
        case ENOTDIR: return "un élément du chemin n'est pas un dossier"
        case EISDIR: return "c'est un dossier"
        default: return String(cString: strerror(code))
        }
    }
}
