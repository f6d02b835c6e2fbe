"""Portuguese (Brazil and Portugal): the words praise is read by (``Lexicon`` says each
role)."""

from tradeoff.analysis.label.praise_lexicons.lexicon import Lexicon

LEXICON = Lexicon(
    praise="""excelente, excelentes, ótimo, ótima, ótimos, ótimas, otimo, otima,
    maravilhoso, maravilhosa, maravilhosos, maravilhosas, fantástico, fantástica,
    fantásticos, fantásticas, incrível, incríveis, sensacional, sensacionais, espetacular,
    espetaculares, perfeito, perfeita, perfeitos, perfeitas, impecável, impecáveis, fácil,
    fáceis, facílimo, simples, intuitivo, intuitiva, intuitivos, intuitivas, prático,
    prática, práticos, práticas, útil, úteis, eficiente, eficientes, eficaz, confiável,
    confiáveis, amável, amáveis, atencioso, atenciosa, atenciosos, atenciosas, prestativo,
    prestativa, prestativos, prestativas, gentil, gentis, satisfeito, satisfeita,
    satisfeitos, satisfeitas, contente, contentes, feliz, felizes, encantado, encantada,
    encantados, encantadas, adoro, adoramos, adorei, amo, amamos, amei, gosto muito, gostamos muito,
    recomendo, recomendamos, muito bom, muito boa, muito bons, muito boas, bom demais,
    boa demais, nota 10, nota dez, funciona bem, funcionam bem, funcionou bem,
    funciona muito bem, funciona perfeitamente, o melhor, a melhor, os melhores,
    as melhores, uma maravilha, de primeira, mandaram bem, arrasaram, parabéns,
    sem complicação, tranquilo de usar""",
    manner="""rápido, rápida, rápidos, rápidas, rapidamente, rapidíssimo, rapidíssima, ágil,
    ágeis, com agilidade, veloz, imediatamente, na hora, em minutos, em poucos minutos,
    prontamente, sem demora, de imediato, facilmente""",
    manner_adjectives="rápido rápida rapidíssimo rapidíssima ágil veloz",
    idioms="""sem problemas, sem nenhum problema, nenhum problema, zero problemas,
    sem reclamações, nenhuma reclamação, nunca falha, nunca falhou,
    não poderia estar mais satisfeito, não poderia estar mais satisfeita, cinco estrelas,
    5 estrelas, dez de dez, 10 de 10, obrigado por resolver, obrigada por resolver,
    obrigado pela solução, obrigada pela solução, obrigado por corrigir,
    obrigada por corrigir, muito agradecido, muito agradecida, muitíssimo obrigado,
    muitíssimo obrigada, continuem assim, continue assim, bom trabalho, ótimo trabalho,
    excelente trabalho, parabéns pelo trabalho, parabéns à equipe""",
    not_praise="""bom dia, boa tarde, boa noite, ótimo dia, ótima semana,
    ótimo fim de semana, excelente dia, excelente semana, tenha um ótimo dia,
    tenham um ótimo dia, tenha um bom dia, tenham um bom dia, feliz natal, feliz ano novo,
    boas festas, feliz dia, prazer em falar, um prazer, é um prazer, fico no aguardo,
    ficamos no aguardo, o mais rápido possível, o quanto antes, o mais breve possível,
    pergunta rápida, dúvida rápida, resposta rápida, rápida resposta, pronta resposta,
    retorno rápido, por isso, é por isso, desde já agradeço, obrigado desde já,
    obrigada desde já, agradeço desde já, desde já obrigado, desde já obrigada,
    feliz em ajudar, não só, não apenas""",
    negators="""não nao nunca jamais nem nenhum nenhuma sem nada ninguém sequer""",
    requests="""preciso precisamos precisa precisam quero queremos gostaria gostaríamos favor
    urgente urgência urgentemente importante essencial deve devem solicito solicitamos peço
    pedimos espero esperamos aguardo aguardamos necessário necessitamos tomara pfv pls""",
    wishes="""se achei achava pensei pensava esperava esperávamos parece parecia supostamente
    deveria deveriam""",
    conditional_endings="ria riam ríamos",
    not_conditional="""categoria categorias maioria secretaria tesouraria auditoria padaria
    consultoria assessoria engenharia livraria galeria bateria baterias companhia ouvidoria
    diretoria portaria loteria pizzaria mercadoria teoria minoria periferia controladoria
    vistoria própria indústria""",
    orders="""corrijam resolvam verifiquem enviem adicionem incluam façam coloquem habilitem
    liberem ajustem arrumem consertem respondam ajudem mudem corrija resolva verifique
    envie adicione inclua faça arrume conserte ajude""",
    making="""adicionar incluir habilitar permitir implementar fazer corrigir consertar criar
    liberar ajustar""",
    please="por favor, favor, pfv",
    request_phrases="""seria bom, seria ótimo, seria interessante, seria legal, seria ideal,
    seria útil, gostaria de, gostaríamos de, sugestão, sugestões, sugiro, sugerimos,
    pedido de melhoria, solicitação de melhoria""",
    complaint_asks="""por que, por quê, como pode, o que aconteceu, o que está acontecendo,
    o que houve, cadê""",
    question_openers="""que, o que, como, quando, onde, qual, quais, quanto, quem, por que,
    será que, tem como, é possível, dá para, da pra""",
    contrasts="""mas, porém, contudo, entretanto, no entanto, todavia, embora, exceto, salvo,
    infelizmente, só que""",
    turns="até que, de repente, do nada",
    wish_openers="quem dera, tomara, se ao menos",
    problems="""erro erros falha falhas falhou falham falhando problema problemas incorreto
    incorreta incorretos incorretas errado errada errados erradas lento lenta lentos lentas
    lentidão demora demorou demoram demorando demorado atraso atrasos atrasado atrasada
    trava travou travando travado travada bloqueado bloqueada bloqueio caiu instável
    impossível difícil difíceis complicado complicada confuso confusa chato chata
    irritante frustrante frustrado frustrada decepcionado decepcionada decepcionante
    péssimo péssima horrível horríveis terrível terríveis pior piorou inútil duplicado
    duplicada duplicados duplicadas duplicou falta faltam faltando faltou pendente
    pendentes rejeitado rejeitada rejeitou rejeita recusado recusada perdido perdida perdi
    perdemos sumiu sumiram desapareceu reclamação reclamações bug bugs crash inaceitável
    ridículo lamentável vencido vencida expirado expirada divergente divergência
    divergências inconsistente inconsistência preso presa desatualizado desatualizada
    desatualizados inválido inválida inválidos""",
    problem_phrases="""parou de, pararam de, para de, deixou de, deixaram de, fecha sozinho,
    fechou sozinho, fora do ar, demora muito, cada vez pior""",
    functions="""funciona funcionam funcionou funcionando funcionar carrega carregam carregou
    carregando carregar chega chegam chegou chegaram chegar aparece aparecem apareceu
    aparecer mostra mostram mostrou abre abrem abriu abrir salva salvam salvou salvar
    sincroniza sincronizou sincronizar envia enviam enviou enviar conecta conectou
    conectar permite permitem permitiu consigo conseguimos consegue conseguem conseguiu
    conseguir posso podemos pode responde respondem respondeu atualiza atualizou calcula
    calculou calculando bate batendo bater gera gerou baixa baixou recebi recebemos recebeu
    recebe aceita aceitou entra entrou possível está estão estava coincide""",
    relief="ter temos tenho precisamos preciso precisa",
    resolved="""resolveram resolveu resolvido resolvida resolvidos solucionaram solucionou
    solucionado solucionada corrigiram corrigiu corrigido corrigida consertaram consertou
    consertado arrumaram arrumou arrumado""",
    habits="""normalmente, geralmente, usualmente, habitualmente, costuma, costumava,
    costumavam, anteriormente, no passado, mês passado, ano passado, há um ano,
    há alguns meses, antes funcionava, antes era""",
    before="antes",
    before_time="de do da dos das que",
    changes="atualização atualizações versão mudança mudanças migração",
    hedges="quase relativamente razoavelmente meio",
    preambles="""no geral, em geral, de modo geral, de forma geral, em resumo, no todo,
    a maioria das coisas, quase tudo, a maior parte, antes de mais nada, antes de tudo,
    primeiramente, em primeiro lugar, para começar, primeiro de tudo""",
    elsewhere="internet rede wifi conexão computador notebook outros outras resto demais",
    places="em no na com de pelo pela que mesmo até comparado",
    addressee="você vocês tu vós",
    reports="""é são foi foram era eram está estão esteve estava sido funciona funcionam
    funcionou vai anda carrega carregou chega chegou chegaram responde respondem respondeu
    responderam atende atendem atendeu atenderam resolve resolvem resolveu resolveram
    sincroniza sincronizou processa processou abre abriu atualiza atualizou""",
    past_endings="ou aram eram iram eu iu",
    not_reports="para pra que se pode podem preciso precisa deve devem quero tomara",
    intensifiers="""muito super bem tão bastante realmente extremamente incrivelmente mais
    muitíssimo""",
    willing="feliz felizes contente contentes",
    willing_link="em de",
    perceive="ver saber ler ouvir informar dizer comunicar confirmar ser estar ter",
    general="""aplicativo aplicativos app apps aplicação produto produtos ferramenta
    ferramentas plataforma sistema software programa solução tudo experiência empresa
    versão coisa coisas função funções funcionalidade funcionalidades""",
    courtesy="""obrigado obrigada obrigados muito abraço abraços olá oi equipe pessoal galera
    time todos ok sim estrelas estrela cinco dez nota prezados prezado prezada""",
    people="""funcionários funcionárias colaboradores usuários clientes pessoal gente
    empregados trabalhadores""",
    attachments="""anexo anexa anexos anexei anexamos segue seguem print prints captura
    capturas tela imagem imagens""",
    conditionals="""seria serias seríamos seriam estaria estarias estaríamos estariam teria
    terias teríamos teriam haveria haveríamos haveriam ficaria ficaríamos ficariam faria
    faríamos fariam iria iríamos iriam daria daríamos dariam diria diríamos diriam""",
)
